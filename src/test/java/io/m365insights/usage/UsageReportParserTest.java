package io.m365insights.usage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageReportParserTest {
    /** The documented header (CONTRACT.md §1.2). */
    static final String HEADER = "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,"
            + "Report Period,Windows,Mac,Mobile,Web,Outlook,Word,Excel,PowerPoint,OneNote,Teams,"
            + "Outlook (Windows),Word (Windows),Excel (Windows),PowerPoint (Windows),OneNote (Windows),Teams (Windows),"
            + "Outlook (Mac),Word (Mac),Excel (Mac),PowerPoint (Mac),OneNote (Mac),Teams (Mac),"
            + "Outlook (Mobile),Word (Mobile),Excel (Mobile),PowerPoint (Mobile),OneNote (Mobile),Teams (Mobile),"
            + "Outlook (Web),Word (Web),Excel (Web),PowerPoint (Web),OneNote (Web),Teams (Web)";

    /** A row: Outlook and Teams on Windows, Word on the web. */
    static String row(String upn) {
        String[] v = new String[39];
        java.util.Arrays.fill(v, "No");
        v[0] = "2026-11-20";
        v[1] = upn;
        v[2] = "2026-01-05";
        v[3] = "2026-11-20";
        v[4] = "1";
        v[5] = "Yes"; // Windows
        v[8] = "Yes"; // Web
        v[9] = "Yes"; // Outlook
        v[10] = "Yes"; // Word
        v[14] = "Yes"; // Teams
        v[15] = "Yes"; // Outlook (Windows)
        v[20] = "Yes"; // Teams (Windows)
        v[34] = "Yes"; // Word (Web)
        return String.join(",", v);
    }

    static final long EXPECTED = (1L << UsageFlags.appBit(0)) | (1L << UsageFlags.appBit(1)) | (1L << UsageFlags.appBit(5))
            | (1L << UsageFlags.platformBit(0)) | (1L << UsageFlags.platformBit(3))
            | (1L << UsageFlags.pairBit(0, 0)) | (1L << UsageFlags.pairBit(5, 0)) | (1L << UsageFlags.pairBit(1, 3));

    private static List<UsageReportParser.Row> parse(String csv) {
        List<UsageReportParser.Row> rows = new ArrayList<>();
        UsageReportParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), rows::add);
        return rows;
    }

    @Test
    void theDocumentedLayoutWithBomAndCrlf() {
        List<UsageReportParser.Row> rows = parse("\uFEFF" + HEADER + "\r\n" + row("Ada@Contoso.com") + "\r\n");
        assertThat(rows).hasSize(1);
        UsageReportParser.Row r = rows.get(0);
        assertThat(r.name()).isEqualTo("ada@contoso.com");
        assertThat(r.concealed()).isFalse();
        assertThat(r.flags()).isEqualTo(EXPECTED);
        assertThat(r.lastActivityDate()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(r.lastActivationDate()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(r.refreshDate()).isEqualTo(LocalDate.parse("2026-11-20"));
    }

    @Test
    void quotedCommasAReorderedColumnAndAnAddedColumn() {
        // swap "Teams" and "Outlook (Windows)", add an unknown column at the end, quote a field containing a comma
        String header = HEADER.replace(",Teams,Outlook (Windows),", ",Outlook (Windows),Teams,") + ",Copilot";
        String[] v = row("\"o'brien, jr@contoso.com\"").split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        String t = v[14];
        v[14] = v[15];
        v[15] = t;
        String line = String.join(",", v) + ",\"Yes, sometimes\"";
        List<UsageReportParser.Row> rows = parse(header + "\r\n" + line + "\r\n\r\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).name()).isEqualTo("o'brien, jr@contoso.com");
        assertThat(rows.get(0).flags()).isEqualTo(EXPECTED);
    }

    @Test
    void emptyFieldsAreNoAndNoDate() {
        String line = row("ben@contoso.com").replace(",No", ",").replace("2026-01-05", "");
        UsageReportParser.Row r = parse(HEADER + "\n" + line + "\n").get(0);
        assertThat(r.flags()).isEqualTo(EXPECTED);
        assertThat(r.lastActivationDate()).isNull();
    }

    @Test
    void concealedNamesAndUnknownRows() {
        List<UsageReportParser.Row> rows = parse(HEADER + "\n" + row("fe7cc8c15246edcca289c9a4022762f7") + "\n"
                + row("(Unknown)") + "\n");
        assertThat(rows.get(0).concealed()).isTrue();
        assertThat(rows.get(0).name()).isEqualTo("FE7CC8C15246EDCCA289C9A4022762F7");
        assertThat(rows.get(1).name()).isEqualTo("(Unknown)");
        assertThat(rows.get(1).concealed()).isFalse();
    }

    @Test
    void aTruncatedFileIsRefusedWhole() {
        String full = HEADER + "\r\n" + row("a@contoso.com") + "\r\n" + row("b@contoso.com") + "\r\n";
        String truncated = full.substring(0, full.length() - 40);
        List<UsageReportParser.Row> seen = new ArrayList<>();
        assertThatThrownBy(() -> UsageReportParser.parse(new ByteArrayInputStream(
                truncated.getBytes(StandardCharsets.UTF_8)), seen::add))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("fields");
    }

    @Test
    void anOpenQuoteAtTheEndIsRefused() {
        assertThatThrownBy(() -> parse(HEADER + "\n\"x@contoso.com,Yes"))
                .isInstanceOf(ReportFormatException.class);
    }

    @Test
    void aMissingColumnOrAnUnknownValueIsRefused() {
        assertThatThrownBy(() -> parse(HEADER.replace(",Word (Mac)", "") + "\n"))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("Word (Mac)");
        assertThatThrownBy(() -> parse(HEADER + "\n" + row("c@contoso.com").replaceFirst(",Yes,", ",Maybe,") + "\n"))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("Maybe");
        assertThatThrownBy(() -> parse("")).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void trueAndFalseAreAcceptedToo() {
        UsageReportParser.Row r = parse(HEADER + "\n" + row("d@contoso.com").replace("Yes", "True").replace("No", "False")
                + "\n").get(0);
        assertThat(r.flags()).isEqualTo(EXPECTED);
    }
}
