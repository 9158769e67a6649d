package io.m365insights.reporting;

import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reporting-views.md is the committed contract of the reporting schema: every view, its columns in order, their
 * types and meaning, as the migrated database's information_schema and comments give them. Fails when a view changes
 * without it; rewrite it with {@code ./mvnw test -Dtest=ReportingViewsFileTest -Dreporting.views.update=true} and review
 * the diff (columns are added, never renamed or removed: a BI report built on them would break).
 */
@QuarkusTest
class ReportingViewsFileTest {
    private static final Path FILE = Path.of("docs", "reporting-views.md");

    @Inject
    TestDatabase db;

    @Test
    void theCommittedDescriptionMatchesTheViews() throws IOException {
        String generated = describe();
        if (Boolean.getBoolean("reporting.views.update")) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "")
                .as("docs/reporting-views.md differs from the reporting views; regenerate it with "
                        + "`./mvnw test -Dtest=ReportingViewsFileTest -Dreporting.views.update=true` and review the diff")
                .isEqualTo(generated);
    }

    private String describe() {
        StringBuilder md = new StringBuilder("""
                # The reporting views

                Back to [BI tools](bi.md#sql-the-reporting-schema). Generated from the database (information_schema and the
                views' comments) by `ReportingViewsFileTest`, which fails when a view changes without this file: do not edit it
                by hand. The views are a contract: columns are added, never renamed or removed.
                """);
        List<String> views = db.rows("select table_name, obj_description(format('reporting.%I', table_name)::regclass) "
                + "from information_schema.views where table_schema = 'reporting' order by table_name");
        for (String view : views) {
            String name = view.substring(0, view.indexOf('|'));
            md.append("\n## reporting.").append(name).append("\n\n").append(view.substring(name.length() + 1))
                    .append("\n\n| column | type | meaning |\n|---|---|---|\n");
            for (String column : db.rows("select column_name, data_type, coalesce(col_description("
                    + "format('reporting.%I', table_name)::regclass, ordinal_position), '') from information_schema.columns "
                    + "where table_schema = 'reporting' and table_name = '" + name + "' order by ordinal_position")) {
                String[] c = column.split("\\|", 3);
                md.append("| `").append(c[0]).append("` | ").append(c[1]).append(" | ")
                        .append(c[2].replace("|", "\\|")).append(" |\n");
            }
        }
        return md.toString();
    }
}
