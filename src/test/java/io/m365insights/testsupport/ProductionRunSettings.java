package io.m365insights.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Settings for the packaged application under test ({@code *IT}, the production profile) on top of
 * {@link TestServices}: a free management port (parallel builds must not collide on 9000; {@link PackagedApp} finds
 * it in the log) and no scheduled sync (a run starting mid-test would make {@code syncNow} find one running). The
 * startup sync stays on, as in production.
 */
public class ProductionRunSettings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.management.port", "0", "m365.sync.cron", "off");
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
