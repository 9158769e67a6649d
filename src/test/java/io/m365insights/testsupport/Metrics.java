package io.m365insights.testsupport;

import io.restassured.RestAssured;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of the Prometheus endpoint, read the way Prometheus reads it (text exposition format). */
public final class Metrics {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();

    private Metrics(String text) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(labels, Double.parseDouble(m.group(4)));
        }
    }

    /** Scrapes the Prometheus endpoint at this URL (the management interface's {@code /q/metrics}). */
    public static Metrics scrape(String metricsUrl) {
        String body = RestAssured.get(metricsUrl).then().statusCode(200).extract().asString();
        return new Metrics(body);
    }

    public boolean has(String name) {
        return samples.containsKey(name);
    }

    /** The sum of every sample of {@code name} whose labels include these (name, value, name, value...); 0 if none. */
    public double sum(String name, String... labels) {
        return samples.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(e -> matches(e.getKey(), labels)).mapToDouble(Map.Entry::getValue).sum();
    }

    /** The one sample of {@code name} with these labels; fails when there is none. */
    public double value(String name, String... labels) {
        return samples.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(e -> matches(e.getKey(), labels)).mapToDouble(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + " " + String.join(",", labels)
                        + " among " + samples.getOrDefault(name, Map.of()).keySet()));
    }

    /** Every sample of {@code name}, for failure messages. */
    public String describe(String name) {
        return name + " " + samples.getOrDefault(name, Map.of());
    }

    private static boolean matches(Map<String, String> actual, String... wanted) {
        for (int i = 0; i + 1 < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(actual.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }
}
