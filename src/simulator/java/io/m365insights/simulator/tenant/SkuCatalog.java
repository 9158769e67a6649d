package io.m365insights.simulator.tenant;

import io.m365insights.simulator.tenant.SimSku.SimServicePlan;

import java.util.List;
import java.util.UUID;

/**
 * Real Microsoft SKU and service-plan GUIDs (from Microsoft's "Product names and service plan identifiers for
 * licensing" reference; the simulator only needs them to be the real, valid GUIDs that the Graph SDK parses as UUIDs).
 * The service-plan lists are abridged: real SKUs carry many more plans.
 */
public final class SkuCatalog {
    private SkuCatalog() {
    }

    public static final UUID SPE_E3 = UUID.fromString("05e9a617-0261-4cee-bb44-138d3ef5d965");
    public static final UUID SPE_E5 = UUID.fromString("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
    public static final UUID ENTERPRISEPACK = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
    public static final UUID POWER_BI_PRO = UUID.fromString("f8a1db68-be16-40ed-86d5-cb42ce701560");
    public static final UUID POWER_BI_STANDARD = UUID.fromString("a403ebcc-fae0-4ca2-8c8c-7a907fd6c235");
    public static final UUID EMS = UUID.fromString("efccb6f7-5641-4e0e-bd10-b4976e1bf68e");
    public static final UUID FLOW_FREE = UUID.fromString("f30db892-07e9-47e9-837c-80727f46fd3d");
    public static final UUID VISIOCLIENT = UUID.fromString("c5928f49-12ba-48f7-ada3-0d743a3601d5");
    public static final UUID PROJECTPROFESSIONAL = UUID.fromString("53818b1b-4a27-454b-8896-0dba576410e6");
    public static final UUID AAD_PREMIUM = UUID.fromString("078d2b04-f1bd-4111-bbd4-b4b1b354cef4");
    /** Microsoft 365 Copilot (CONTRACT.md §10.1): recognised by its M365_COPILOT_* service plans, not its part number. */
    public static final UUID M365_COPILOT = UUID.fromString("639dec6b-bb19-468b-871c-c5c441c4b0cb");
    /** Office 365 E1: mail, sites, Teams and Office for the web and mobile, no desktop apps (bought, not yet assigned). */
    public static final UUID STANDARDPACK = UUID.fromString("18181a46-0d4e-45cd-891e-60aabd171b4e");

    static final SimServicePlan EXCHANGE_S_ENTERPRISE = plan("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE");
    static final SimServicePlan SHAREPOINTENTERPRISE = plan("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE");
    static final SimServicePlan OFFICESUBSCRIPTION = plan("43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION");
    static final SimServicePlan SHAREPOINTWAC = plan("e95bec33-7c88-4a70-8e19-b10bd9d0c014", "SHAREPOINTWAC");
    static final SimServicePlan M365_COPILOT_APPS = plan("a62f8878-de10-42f3-b68f-6149a25ceb97", "M365_COPILOT_APPS");
    static final SimServicePlan M365_COPILOT_BUSINESS_CHAT = plan("3f30311c-6b1e-48a4-ab79-725b469da960", "M365_COPILOT_BUSINESS_CHAT");
    static final SimServicePlan M365_COPILOT_TEAMS = plan("b95945de-b3bd-46db-8437-f2beb6ea2347", "M365_COPILOT_TEAMS");
    static final SimServicePlan M365_COPILOT_SHAREPOINT = plan("0aedf20c-091d-420b-aadf-30c042609612", "M365_COPILOT_SHAREPOINT");
    static final SimServicePlan M365_COPILOT_CONNECTORS = plan("89f1c4c8-0878-40f7-804d-869c9128ab5d", "M365_COPILOT_CONNECTORS");
    static final SimServicePlan EXCHANGE_S_STANDARD = plan("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD");
    static final SimServicePlan SHAREPOINTSTANDARD = plan("c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD");
    static final SimServicePlan TEAMS1 = plan("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1");
    static final SimServicePlan MCOSTANDARD = plan("0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MCOSTANDARD");
    static final SimServicePlan SWAY = plan("a23b959c-7ce8-4e57-9140-b90eb88a9e97", "SWAY");
    static final SimServicePlan YAMMER_ENTERPRISE = plan("7547a3fe-08ee-4ccb-b430-5077c5041653", "YAMMER_ENTERPRISE");
    static final SimServicePlan FORMS_PLAN_E3 = plan("2789c901-c14e-48ab-a76a-be334d9d793a", "FORMS_PLAN_E3");
    static final SimServicePlan MCOEV = plan("4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "MCOEV");
    static final SimServicePlan BI_AZURE_P2 = plan("70d33638-9c74-4d01-bfd3-562de28bd4ba", "BI_AZURE_P2");
    static final SimServicePlan BI_AZURE_P0 = plan("2049e525-b859-401b-b2a0-e0a31c4b1fe4", "BI_AZURE_P0");
    static final SimServicePlan AAD_PREMIUM_P1 = plan("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM");
    static final SimServicePlan INTUNE_A = plan("c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A");
    static final SimServicePlan FLOW_P2_VIRAL = plan("50e68c76-46c6-4674-81f9-75456511b170", "FLOW_P2_VIRAL");
    static final SimServicePlan VISIO_CLIENT_SUBSCRIPTION = plan("663a804f-1c30-4ff0-9915-9db84f0d1cea", "VISIO_CLIENT_SUBSCRIPTION");
    static final SimServicePlan PROJECT_CLIENT_SUBSCRIPTION = plan("fafd7243-e5c1-4a3a-9e40-495efcb1d3c3", "PROJECT_CLIENT_SUBSCRIPTION");

    /** The plans a direct assignment of the suite SKUs sometimes disables (realistic: Sway and Yammer switched off). */
    public static final List<UUID> OFTEN_DISABLED_PLANS = List.of(SWAY.servicePlanId(), YAMMER_ENTERPRISE.servicePlanId());

    /** Fresh SKU objects (mutable), in the order subscribedSkus lists them. */
    static List<SimSku> newSkus(UUID accountId, java.util.function.Supplier<UUID> ids) {
        return List.of(
                sku(SPE_E3, "SPE_E3", ids, EXCHANGE_S_ENTERPRISE, SHAREPOINTENTERPRISE, OFFICESUBSCRIPTION, SHAREPOINTWAC,
                        TEAMS1, MCOSTANDARD, SWAY, YAMMER_ENTERPRISE, FORMS_PLAN_E3, AAD_PREMIUM_P1, INTUNE_A),
                sku(SPE_E5, "SPE_E5", ids, EXCHANGE_S_ENTERPRISE, SHAREPOINTENTERPRISE, OFFICESUBSCRIPTION, SHAREPOINTWAC,
                        TEAMS1, MCOSTANDARD, MCOEV, SWAY, YAMMER_ENTERPRISE, BI_AZURE_P2, AAD_PREMIUM_P1, INTUNE_A),
                sku(ENTERPRISEPACK, "ENTERPRISEPACK", ids, EXCHANGE_S_ENTERPRISE, SHAREPOINTENTERPRISE,
                        OFFICESUBSCRIPTION, SHAREPOINTWAC, TEAMS1, MCOSTANDARD, SWAY, YAMMER_ENTERPRISE, FORMS_PLAN_E3),
                sku(POWER_BI_PRO, "POWER_BI_PRO", ids, BI_AZURE_P2),
                sku(POWER_BI_STANDARD, "POWER_BI_STANDARD", ids, BI_AZURE_P0),
                sku(EMS, "EMS", ids, AAD_PREMIUM_P1, INTUNE_A),
                sku(FLOW_FREE, "FLOW_FREE", ids, FLOW_P2_VIRAL),
                sku(VISIOCLIENT, "VISIOCLIENT", ids, VISIO_CLIENT_SUBSCRIPTION, EXCHANGE_S_ENTERPRISE),
                sku(PROJECTPROFESSIONAL, "PROJECTPROFESSIONAL", ids, PROJECT_CLIENT_SUBSCRIPTION),
                sku(AAD_PREMIUM, "AAD_PREMIUM", ids, AAD_PREMIUM_P1),
                // its subscription id is not drawn from the seeded sequence, so every id drawn after it stays as it was
                new SimSku(M365_COPILOT, "Microsoft_365_Copilot", "User", List.of(M365_COPILOT_APPS,
                        M365_COPILOT_BUSINESS_CHAT, M365_COPILOT_TEAMS, M365_COPILOT_SHAREPOINT, M365_COPILOT_CONNECTORS),
                        UUID.nameUUIDFromBytes(("copilot-subscription|" + accountId).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8))),
                // the web/mobile SKU a full-suite seat can be downgraded to; like Copilot's, its subscription id is
                // not drawn from the seeded sequence
                new SimSku(STANDARDPACK, "STANDARDPACK", "User", List.of(EXCHANGE_S_STANDARD, SHAREPOINTSTANDARD,
                        SHAREPOINTWAC, TEAMS1, MCOSTANDARD, SWAY, YAMMER_ENTERPRISE),
                        UUID.nameUUIDFromBytes(("e1-subscription|" + accountId).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static SimSku sku(UUID skuId, String partNumber, java.util.function.Supplier<UUID> ids,
                              SimServicePlan... plans) {
        return new SimSku(skuId, partNumber, "User", List.of(plans), ids.get());
    }

    private static SimServicePlan plan(String id, String name) {
        return new SimServicePlan(UUID.fromString(id), name, "User");
    }
}
