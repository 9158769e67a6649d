package io.m365insights.api.planned;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Planned answers escape strings exactly as the engine's Jakarta JSON provider (Parsson) does, byte for byte. */
class PlannedJsonTest {
    @Test
    void theControlCharactersJacksonEscapesOtherwiseAreLeftToTheEngine() {
        for (char c = 0; c < 0x20; c++) {
            boolean shortEscape = "\b\t\n\f\r".indexOf(c) >= 0;
            assertThat(PlannedJson.sameAsEngine("a" + c)).as("U+%04x", (int) c).isEqualTo(shortEscape);
        }
        assertThat(PlannedJson.sameAsEngine("plain é 😀")).isTrue();
    }

    @Test
    void everyCharacterPlannedAnswersWriteIsWrittenAsTheEngineWritesIt() throws Exception {
        StringBuilder all = new StringBuilder("\b\t\n\f\r");
        for (char c = 0x20; c < 0x80; c++) {
            all.append(c);
        }
        all.append("é ß 日本 😀 \u2028 \u00a0 / \\ \"");
        String value = all.toString();

        StringWriter parsson = new StringWriter();
        try (jakarta.json.stream.JsonGenerator g = JsonProvider.provider().createGenerator(parsson)) {
            g.writeStartObject().write("name", value).writeStartArray("list").write(value).writeEnd().writeNull("none")
                    .write("n", 42).write("b", true).writeEnd();
        }
        ByteArrayOutputStream jackson = new ByteArrayOutputStream();
        try (JsonGenerator g = PlannedJson.generator(jackson)) {
            g.writeStartObject();
            g.writeStringField("name", value);
            g.writeArrayFieldStart("list");
            g.writeString(value);
            g.writeEndArray();
            g.writeNullField("none");
            g.writeNumberField("n", 42);
            g.writeBooleanField("b", true);
            g.writeEndObject();
        }
        assertThat(PlannedJson.sameAsEngine(value)).isTrue();
        assertThat(jackson.toString(StandardCharsets.UTF_8)).isEqualTo(parsson.toString());
        assertThat(jackson.toByteArray()).isEqualTo(parsson.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void datesAreWrittenInIsoFormatWhateverTheirOrder() throws Exception {
        // the same date again (a series' period on each of its points), another, the first again; years past 9999 and
        // before 1000 (signed and padded as ISO_LOCAL_DATE pads them)
        List<LocalDate> dates = List.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 7), LocalDate.of(10000, 1, 1), LocalDate.of(999, 2, 3), LocalDate.of(-5, 6, 7),
                LocalDate.of(1, 1, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = PlannedJson.generator(out)) {
            PlannedAnswer answer = new PlannedAnswer(g, null);
            g.writeStartObject();
            for (int i = 0; i < dates.size(); i++) {
                answer.scalar("d" + i, true, dates.get(i));
            }
            g.writeEndObject();
        }
        StringBuilder expected = new StringBuilder("{");
        for (int i = 0; i < dates.size(); i++) {
            expected.append(i == 0 ? "" : ",").append("\"d").append(i).append("\":\"")
                    .append(DateTimeFormatter.ISO_LOCAL_DATE.format(dates.get(i))).append('"');
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.append('}').toString());
    }
}
