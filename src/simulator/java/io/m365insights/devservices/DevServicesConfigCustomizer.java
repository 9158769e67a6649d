package io.m365insights.devservices;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Registers {@link DevServicesConfigSourceFactory}. It is a builder customizer rather than a
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory} entry because that services file belongs to the
 * product ({@code RequiredProductionSettings}): both resource roots are copied into {@code target/classes}, where a
 * second file of the same name would replace the product's. This one lives in {@code src/simulator/resources} and is
 * left out of the production jar with the rest of the simulator (docs/simulator-packaging.md).
 */
public class DevServicesConfigCustomizer implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withSources(new DevServicesConfigSourceFactory());
    }
}
