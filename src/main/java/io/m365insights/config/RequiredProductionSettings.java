package io.m365insights.config;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In production, refuses to start while a required setting is missing, naming every missing environment variable at
 * once, before anything connects anywhere. (It adds no configuration; it only checks it, as early as possible.)
 */
public class RequiredProductionSettings implements ConfigSourceFactory {
    /** Property, and the environment variable a user sets for it. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        REQUIRED.put("m365.tenant-id", "M365_TENANT_ID");
        REQUIRED.put("m365.client-id", "M365_CLIENT_ID");
        REQUIRED.put("m365.client-secret", "M365_CLIENT_SECRET");
        REQUIRED.put("quarkus.oidc.auth-server-url", "QUARKUS_OIDC_AUTH_SERVER_URL");
        REQUIRED.put("quarkus.oidc.client-id", "QUARKUS_OIDC_CLIENT_ID");
    }

    /** The environment variables production cannot start without (the Kubernetes manifests must supply each). */
    public static List<String> variables() {
        return List.copyOf(REQUIRED.values());
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean production = context.getProfiles().contains("prod") || context.getProfiles().isEmpty();
        // only when the application starts, not while Quarkus builds it (the build sees the prod profile too)
        if (production && ExecutionMode.current() == ExecutionMode.RUNTIME_INIT) {
            List<String> missing = missing(context);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("m365-insights cannot start: set " + String.join(", ", missing)
                        + " (see the README, \"Connect a real tenant\")");
            }
        }
        return List.of();
    }

    static List<String> missing(ConfigSourceContext context) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((property, variable) -> {
            ConfigValue value = context.getValue(property);
            if (value == null || value.getValue() == null || value.getValue().isBlank()) {
                missing.add(variable);
            }
        });
        return missing;
    }
}
