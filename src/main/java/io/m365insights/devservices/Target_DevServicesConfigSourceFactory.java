package io.m365insights.devservices;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import io.smallrye.config.ConfigSourceContext;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;

/**
 * A native executable is always a production build: this substitution removes the dev-mode stand-ins from it, so
 * neither the embedded PostgreSQL (not even on the native build's classpath) nor the Microsoft Graph simulator is
 * reachable, compiled in, or startable in a native image.
 */
@TargetClass(DevServicesConfigSourceFactory.class)
final class Target_DevServicesConfigSourceFactory {

    @Substitute
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of();
    }
}
