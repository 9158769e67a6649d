package io.m365insights.devservices;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In dev mode only: supplies the database and Microsoft Graph settings from local stand-ins when none are configured.
 * Its ordinal (260) sits above application.properties (250) and below environment variables (300), so anything the
 * user sets wins. In any other profile it supplies nothing.
 */
public class DevServicesConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        Map<String, String> config = new LinkedHashMap<>();
        if (blank(context.getValue("quarkus.datasource.jdbc.url"))) {
            config.putAll(DevModeServices.database());
        }
        ConfigValue simulator = context.getValue("m365.simulator.enabled");
        if (simulator.getValue() == null || Boolean.parseBoolean(simulator.getValue())) {
            long seed = number(context.getValue("m365.simulator.seed"), 42);
            int users = (int) number(context.getValue("m365.simulator.users"), 300);
            config.putAll(DevModeServices.simulator(seed, users));
        }
        return List.of(new PropertiesConfigSource(config, "m365-insights dev services", 260));
    }

    private static boolean blank(ConfigValue v) {
        return v == null || v.getValue() == null || v.getValue().isBlank();
    }

    private static long number(ConfigValue v, long fallback) {
        return blank(v) ? fallback : Long.parseLong(v.getValue().trim());
    }
}
