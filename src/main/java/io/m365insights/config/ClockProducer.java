package io.m365insights.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * The one clock the service reads "now" and "today" from (UTC): the usage window, grace periods, exemption expiry,
 * retention, and the times it records (sync runs, audit events, when an account was first seen disabled, plans). Real time, unless {@code m365.clock.start} pins where it
 * starts; {@code @QuarkusTest}s replace the bean with their test clock.
 */
public class ClockProducer {
    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(M365Config config) {
        Clock system = Clock.systemUTC();
        return config.clock().start().map(start -> {
            LOG.warnf("The clock starts at %s (m365.clock.start), not at the real time", start);
            return Clock.offset(system, Duration.between(system.instant(), start));
        }).orElse(system);
    }
}
