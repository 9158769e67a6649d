package io.m365insights.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredProductionSettingsTest {

    @Test
    void namesEveryMissingVariable() {
        assertThat(RequiredProductionSettings.missing(context(Map.of("m365.tenant-id", "t", "m365.client-id", " "))))
                .containsExactly("QUARKUS_DATASOURCE_JDBC_URL", "M365_CLIENT_ID", "M365_CLIENT_SECRET",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID");
    }

    @Test
    void nothingMissingWhenAllAreSet() {
        Map<String, String> all = new java.util.HashMap<>();
        RequiredProductionSettings.REQUIRED.keySet().forEach(k -> all.put(k, "set"));
        assertThat(RequiredProductionSettings.missing(context(all))).isEmpty();
    }

    private static ConfigSourceContext context(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String v = values.get(name);
                return v == null ? null : ConfigValue.builder().withName(name).withValue(v).build();
            }

            @Override
            public List<String> getProfiles() {
                return List.of("prod");
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
