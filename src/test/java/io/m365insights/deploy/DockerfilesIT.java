package io.m365insights.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** After packaging: every file the Dockerfile of the packaged kind copies is there (runs in the verify phase). */
class DockerfilesIT {

    @Test
    void thePackagedBuildHasWhatItsDockerfileCopies() throws IOException {
        Properties artifact = new Properties();
        try (var in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        String file = "native".equals(artifact.getProperty("type")) ? "Dockerfile.native-micro" : "Dockerfile.jvm";
        for (String source : DockerfilesTest.copySources(file)) {
            if (DockerfilesTest.OPTIONAL.matcher(source).matches()) {
                continue; // the AOT cache: written when the *IT run ends (JDK 25), so not necessarily there yet
            }
            assertThat(matches(source)).as("%s (copied by %s) exists after packaging", source, file).isTrue();
        }
    }

    private static boolean matches(String source) throws IOException {
        Path path = Path.of(source);
        if (source.endsWith("/")) {
            try (Stream<Path> files = Files.list(path)) {
                return files.findAny().isPresent();
            }
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + source);
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.anyMatch(m::matches);
        }
    }
}
