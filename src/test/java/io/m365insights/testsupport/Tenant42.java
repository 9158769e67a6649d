package io.m365insights.testsupport;

/**
 * Facts of the simulated tenant generated from seed 42 (the first users are fixed personas, the same whatever the
 * tenant size; SKU and group ids are real or seeded), so tests and examples can name them.
 */
public final class Tenant42 {
    private Tenant42() {
    }

    /** Zoë Ødegård-Núñez: enabled; SPE_E3 both directly and through the all-staff group; Visio directly. */
    public static final String ZOE = "12c015a9-7019-4937-8c06-c31652ebf438";
    /** 王芳 (fang.wang): enabled; SPE_E3 through the all-staff group only. */
    public static final String FANG = "a7ff0d38-8687-4fb2-9e70-d1019fc66081";
    /** Jörg Müller: disabled; SPE_E5 directly, SPE_E3 through the all-staff group. */
    public static final String JORG = "ad98bc04-e64e-43b7-96bc-3af4ce1a0e50";
    public static final String JORG_UPN = "jorg.muller@contoso.com";
    /** Meeting Room Oslo: enabled; no usage location, no license. */
    public static final String ROOM = "db375250-319b-4490-913e-1b9203bb1010";

    public static final String ALL_STAFF_E3_GROUP = "998d8fb1-00ca-45d5-9eac-75d45474c891";

    public static final String SPE_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    public static final String SPE_E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
    public static final String ENTERPRISEPACK = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    public static final String POWER_BI_STANDARD = "a403ebcc-fae0-4ca2-8c8c-7a907fd6c235";
    /** Exactly full: no free seat. */
    public static final String EMS = "efccb6f7-5641-4e0e-bd10-b4976e1bf68e";
    public static final String FLOW_FREE = "f30db892-07e9-47e9-837c-80727f46fd3d";
    /** Service plan SWAY, part of SPE_E3, SPE_E5 and ENTERPRISEPACK. */
    public static final String SWAY_PLAN = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";
}
