package io.m365insights.simulator;

import io.m365insights.devservices.DevServicesConfigSourceFactory;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator and the embedded PostgreSQL are dev-mode stand-ins: no other profile ever starts them. */
class DevServicesProfileTest {

    @Test
    void productionAndTestProfilesGetNoStandIns() {
        assertThat(new DevServicesConfigSourceFactory().getConfigSources(context(List.of("prod")))).isEmpty();
        assertThat(new DevServicesConfigSourceFactory().getConfigSources(context(List.of("test")))).isEmpty();
        assertThat(new DevServicesConfigSourceFactory().getConfigSources(context(List.of()))).isEmpty();
    }

    private static ConfigSourceContext context(List<String> profiles) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return null;
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return List.<String>of().iterator();
            }
        };
    }
}
