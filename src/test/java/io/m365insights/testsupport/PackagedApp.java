package io.m365insights.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application a {@code *IT} runs (jar or native executable), seen through its log file. */
public final class PackagedApp {
    /** Where Quarkus' integration-test launcher writes the application's log. */
    public static final Path LOG = Path.of("target", "quarkus.log");
    private static final Pattern MANAGEMENT = Pattern.compile("Management interface listening on (https?)://[^:\\s]*:(\\d+)");

    private PackagedApp() {
    }

    public static List<String> logLines() {
        try {
            return Files.readAllLines(LOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged application's log " + LOG.toAbsolutePath(), e);
        }
    }

    /** The base URL of the management interface (health, metrics), from the startup line of the log. */
    public static String managementUrl() {
        for (String line : logLines()) {
            Matcher m = MANAGEMENT.matcher(line);
            if (m.find()) {
                return m.group(1) + "://localhost:" + m.group(2);
            }
        }
        throw new IllegalStateException("No management interface in " + LOG.toAbsolutePath());
    }
}
