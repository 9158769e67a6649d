package io.m365insights.bi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365insights.api.access.Roles;
import io.m365insights.testsupport.HttpGet;
import io.m365insights.testsupport.SimulatorClient;
import io.m365insights.testsupport.Syncs;
import io.m365insights.testsupport.TestClock;
import io.m365insights.testsupport.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Power Query samples of docs/bi.md, read from the page, sent as Power Query sends them: GET on the static base
 * URL, the sample's RelativePath, its Query record (documentId, and variables as Json.FromValue writes the sample's
 * record), its Accept header, and a token as "Organizational account" adds it. The users sample's List.Generate loop
 * is followed page by page to the end.
 */
@QuarkusTest
class PowerQuerySamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```powerquery\n(.*?)```", Pattern.DOTALL);
    private static boolean synced;

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestDatabase db;

    private String token;

    @BeforeEach
    void syncedOnce() {
        if (!synced) {
            TestClock.setOffsetDays(0);
            SimulatorClient.current().reset();
            Syncs.syncNow();
            synced = true;
        }
        token = SimulatorClient.current().apiToken("analyst@contoso.com", Roles.READER);
    }

    /** What a sample sends: RelativePath, documentId, the variables record's field names in order, Accept. */
    record Sample(String text, String relativePath, String documentId, List<String> variableNames, String accept) {
        static Sample of(String m) {
            Matcher vars = Pattern.compile("Json\\.FromValue\\(\\[(.*?)\\]\\)\\)", Pattern.DOTALL).matcher(m);
            assertThat(vars.find()).as("variables = Text.FromBinary(Json.FromValue([...])) in %s", m).isTrue();
            List<String> names = new ArrayList<>();
            Matcher name = Pattern.compile("(?:^|[\\[,])\\s*(\\w+)\\s*=").matcher(vars.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            return new Sample(m, one(m, "RelativePath = \"([^\"]+)\""), one(m, "documentId = \"([^\"]+)\""), names,
                    one(m, "Accept = \"([^\"]+)\""));
        }
    }

    private static String one(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    static List<Sample> samples() throws IOException {
        String page = Files.readString(Path.of("docs", "bi.md"), StandardCharsets.UTF_8);
        List<Sample> samples = new ArrayList<>();
        Matcher m = BLOCK.matcher(page);
        while (m.find()) {
            samples.add(Sample.of(m.group(1)));
        }
        assertThat(samples).hasSize(2);
        return samples;
    }

    private JsonNode send(Sample sample, ObjectNode variables) {
        assertThat(List.copyOf(iterable(variables))).isEqualTo(sample.variableNames());
        HttpGet.Reply r = HttpGet.get(base, sample.relativePath(), HttpGet.params("documentId", sample.documentId(),
                "variables", variables.toString()), token, sample.accept());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().has("errors")).as(r.body()).isFalse();
        return r.json().get("data");
    }

    private static List<String> iterable(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theUsersSamplePagesThroughEveryUser() throws IOException {
        Sample sample = samples().get(0);
        assertThat(sample.documentId()).isEqualTo("bi/users-with-licenses");
        int first = Integer.parseInt(one(sample.text(), "first = (\\d+)"));
        List<JsonNode> rows = new ArrayList<>();
        // List.Generate(() => Page(null), each _ <> null, each if hasNextPage then Page(endCursor) else null, each _[nodes])
        JsonNode page = page(sample, first, null);
        int pages = 0;
        while (page != null) {
            page.get("nodes").forEach(rows::add);
            pages++;
            page = page.at("/pageInfo/hasNextPage").asBoolean() ? page(sample, first, page.at("/pageInfo/endCursor").asText())
                    : null;
        }
        long users = db.count("select count(*) from directory_user where deleted_at is null");
        assertThat(pages).isEqualTo((int) ((users + first - 1) / first)).isGreaterThan(1);
        assertThat(rows).hasSize((int) users);
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).hasSize((int) users);
        // the fields the sample reads
        assertThat(rows).allSatisfy(r -> assertThat(r.get("licenses").isArray()).isTrue());
        assertThat(rows.stream().filter(r -> !r.get("licenses").isEmpty()))
                .allSatisfy(r -> assertThat(r.at("/licenses/0/license/skuPartNumber").asText()).isNotEmpty());
    }

    private JsonNode page(Sample sample, int first, String after) {
        ObjectNode variables = SimulatorClient.JSON.createObjectNode().put("first", first);
        if (after == null) {
            variables.putNull("after");
        } else {
            variables.put("after", after);
        }
        return send(sample, variables).get("users");
    }

    @Test
    void theUsageSampleLoadsTheLast90Days() throws IOException {
        Sample sample = samples().get(1);
        assertThat(sample.documentId()).isEqualTo("bi/usage-series");
        LocalDate today = TestClock.today();
        JsonNode usage = send(sample, SimulatorClient.JSON.createObjectNode().put("from", today.minusDays(90).toString())
                .put("to", today.toString()).put("granularity", one(sample.text(), "granularity = \"(\\w+)\""))).get("usage");
        long days = db.count("select count(*) from usage_report_day where report_date between date '"
                + today.minusDays(90) + "' and date '" + today + "'");
        assertThat(days).isPositive();
        assertThat(usage).hasSize((int) days * 7);
        Matcher columns = Pattern.compile("\\{\"(\\w+)\", (?:type \\w+|Int64\\.Type)}").matcher(sample.text());
        List<String> typed = new ArrayList<>();
        while (columns.find()) {
            typed.add(columns.group(1));
        }
        assertThat(typed).containsExactly("periodStart", "app", "platform", "activeUsers");
        assertThat(usage).allSatisfy(p -> assertThat(iterable((ObjectNode) p)).containsExactlyElementsOf(typed));
    }
}
