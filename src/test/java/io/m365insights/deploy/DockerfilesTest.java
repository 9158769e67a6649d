package io.m365insights.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container images: a runtime base without build tools, a non-root user, the ports the manifests use, and a
 * build context that holds exactly what the Dockerfiles copy. (No container engine here: the images themselves are
 * not built by the tests; {@code DockerfilesIT} checks the copied files exist after packaging.)
 */
class DockerfilesTest {
    static final Path DOCKER = Path.of("src", "main", "docker");
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*((?:\\S+\\s+)+)\\S+$");
    /** Docker's idiom for a file a build may not have: a one-character class, beside a source that must match. */
    static final Pattern OPTIONAL = Pattern.compile(".*\\[\\w].*");

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.native-micro", "Dockerfile.jvm"})
    void runsAsANonRootUserOnARuntimeOnlyBase(String file) throws IOException {
        List<String> lines = instructions(file);
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).as("one stage: nothing but the runtime")
                .singleElement().satisfies(from -> assertThat(from).matches(
                        "FROM (quay\\.io/quarkus/quarkus-micro-image|registry\\.access\\.redhat\\.com/ubi9/openjdk-25-runtime):[\\w.-]+"));
        assertThat(lines).noneMatch(l -> l.matches("(?i)RUN .*\\b(microdnf|dnf|yum|apt-get|apk)\\b.*"));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).as("numeric, so Kubernetes' runAsNonRoot can check it").matches("USER [1-9]\\d*");
        assertThat(lines).contains("EXPOSE 8080 9000");
        assertThat(lines).anyMatch(l -> l.matches("ENTRYPOINT \\[.*]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.native-micro", "Dockerfile.jvm"})
    void theBuildContextHoldsWhatTheDockerfileCopies(String file) throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String source : copySources(file)) {
            String sample = source.replace("*", "m365-insights-0.1.0-SNAPSHOT").replaceAll("\\[(\\w)]", "$1")
                    + (source.endsWith("/") ? "x.jar" : "");
            assertThat(included(ignore, sample)).as("%s is in the build context", sample).isTrue();
        }
        assertThat(included(ignore, "src/main/java/io/m365insights/Main.java")).isFalse();
        assertThat(included(ignore, "target/native-sources/native-image.args")).isFalse();
        assertThat(included(ignore, ".git/config")).isFalse();
    }

    static List<String> copySources(String file) throws IOException {
        List<String> sources = new ArrayList<>();
        for (String l : instructions(file)) {
            Matcher m = COPY.matcher(l);
            if (l.startsWith("COPY ")) {
                assertThat(m.matches()).as(l).isTrue();
                List<String> these = List.of(m.group(1).trim().split("\\s+"));
                assertThat(these).as("%s: an optional source beside one that must match (else COPY fails)", l)
                        .anyMatch(src -> !OPTIONAL.matcher(src).matches());
                sources.addAll(these);
            }
        }
        assertThat(sources).isNotEmpty();
        return sources;
    }

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> instructions(String file) throws IOException {
        String text = Files.readString(DOCKER.resolve(file)).replaceAll("\\\\\\n\\s*", " ");
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Docker's rule: the last pattern matching the path or one of its parents decides; '!' re-includes. */
    static boolean included(List<String> patterns, String path) {
        boolean included = true;
        for (String p : patterns) {
            boolean negate = p.startsWith("!");
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + (negate ? p.substring(1) : p));
            for (Path candidate = Path.of(path); candidate != null; candidate = candidate.getParent()) {
                if (m.matches(candidate)) {
                    included = negate;
                    break;
                }
            }
        }
        return included;
    }

    @Test
    void theJvmImageCarriesTheAotCacheAsAnOptionalFile() throws IOException {
        assertThat(copySources("Dockerfile.jvm")).contains("target/quarkus-app/app.ao[t]")
                .filteredOn(src -> OPTIONAL.matcher(src).matches()).containsExactly("target/quarkus-app/app.ao[t]");
        assertThat(instructions("Dockerfile.jvm")).anyMatch(l -> l.startsWith("ENV JAVA_OPTS_APPEND=")
                && l.contains("-XX:AOTCache=/deployments/app.aot"));
    }

    @Test
    void theDockerignoreRuleIsDockers() {
        List<String> rules = List.of("*", "!target/quarkus-app/*");
        assertThat(included(rules, "target/quarkus-app/lib/main/a.jar")).isTrue();
        assertThat(included(rules, "target/classes/a.class")).isFalse();
        assertThat(included(rules, "pom.xml")).isFalse();
    }
}
