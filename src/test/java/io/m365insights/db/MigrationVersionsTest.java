package io.m365insights.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway versions go up by one: a new migration takes the highest version + 1. Flyway runs migrations in version
 * order and refuses (or, in readiness, reports as ignored) one older than a database's current version, so a
 * migration numbered into a gap, or two branches landing their migrations in the other order, break every database
 * migrated in between. V5 never existed (V6 reached main before V3 and V4): that gap is history, kept as it is.
 */
class MigrationVersionsTest {
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    /** Versions that never existed. Never add to this: a new migration takes the next version instead. */
    private static final Set<Integer> HISTORICAL_GAPS = Set.of(5);

    @Test
    void versionsGoUpByOneFromV1ExceptTheHistoricalGap() throws IOException {
        List<String> badNames = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    versions.add(Integer.parseInt(m.group(1)));
                } else {
                    badNames.add(f.getFileName().toString());
                }
            }
        }
        assertThat(badNames).as("migrations are named V<version>__<lower_snake_description>.sql").isEmpty();
        assertThat(versions).as("one migration per version").doesNotHaveDuplicates();
        int highest = versions.stream().max(Integer::compare).orElseThrow();
        Set<Integer> expected = new TreeSet<>();
        IntStream.rangeClosed(1, highest).filter(v -> !HISTORICAL_GAPS.contains(v)).forEach(expected::add);
        assertThat(new TreeSet<>(versions))
                .as("versions 1..%d without gaps (except V5, which never existed); a new migration takes V%d, and a "
                        + "branch whose migration was overtaken on main renumbers it", highest, highest + 1)
                .isEqualTo(expected);
    }
}
