package io.m365insights.usage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Microsoft report CSV (the usage, active user and Copilot reports) with Apache Commons CSV, by header name,
 * never by position (CONTRACT.md §1.1: BOM, CRLF, quoting, empty fields, columns added, renamed or reordered by
 * Microsoft). A file that cannot be read whole is refused whole ({@link ReportFormatException}), so a malformed day
 * stores nothing.
 */
public final class ReportRows {
    /** A concealed name: 32 hex digits instead of the user principal name (CONTRACT.md §2). */
    private static final Pattern TOKEN = Pattern.compile("[0-9A-Fa-f]{32}");

    @FunctionalInterface
    public interface RowSink {
        void accept(Row row) throws Exception;
    }

    /** One line, read by column name. */
    public static final class Row {
        private final CSVRecord record;
        private final Map<String, Integer> columns;

        Row(CSVRecord record, Map<String, Integer> columns) {
            this.record = record;
            this.columns = columns;
        }

        public boolean has(String header) {
            return column(header) != null;
        }

        /** The value of the first of {@code headers} present (Microsoft renames columns), "" when none is. */
        public String text(String... headers) {
            for (String h : headers) {
                Integer i = column(h);
                if (i != null) {
                    return record.get(i).trim();
                }
            }
            return "";
        }

        public LocalDate date(String... headers) {
            String v = text(headers);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new ReportFormatException("line " + record.getRecordNumber() + ": '" + v + "' is not a date");
            }
        }

        /** True/False or Yes/No (the spelling of each report is unverified); empty is {@code absent}. */
        public boolean flag(boolean absent, String... headers) {
            String v = text(headers);
            if (v.isEmpty()) {
                return absent;
            }
            if (v.equalsIgnoreCase("True") || v.equalsIgnoreCase("Yes")) {
                return true;
            }
            if (v.equalsIgnoreCase("False") || v.equalsIgnoreCase("No")) {
                return false;
            }
            throw new ReportFormatException("line " + record.getRecordNumber() + ": unexpected value '" + v
                    + "' in column '" + headers[0] + "'");
        }

        public long line() {
            return record.getRecordNumber();
        }

        private Integer column(String header) {
            Integer i = columns.get(header); // the header as Microsoft spells it: no key to build per row
            return i != null ? i : columns.get(key(header));
        }
    }

    /** A report name as stored: lower-case UPN, upper-case 32-hex token when concealed, "(Unknown)" as is. */
    public record Name(String value, boolean concealed) {
        public static Name of(String raw) {
            boolean concealed = isConcealed(raw);
            String v = concealed ? raw.toUpperCase(Locale.ROOT) : raw.toLowerCase(Locale.ROOT);
            return new Name("(unknown)".equals(v) ? "(Unknown)" : v, concealed);
        }

        public static boolean isConcealed(String raw) {
            return TOKEN.matcher(raw).matches();
        }

        public boolean unknown() {
            return value.equals("(Unknown)");
        }
    }

    private ReportRows() {
    }

    /** Parses the whole file; {@code required} headers must be present. Returns the number of rows. */
    public static int parse(InputStream in, List<String> required, RowSink sink) {
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
                StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get().parse(reader)) {
            List<String> headers = csv.getHeaderNames();
            if (headers.isEmpty()) {
                throw new ReportFormatException("the report is empty (no header line)");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                columns.putIfAbsent(key(headers.get(i)), i);
            }
            for (int i = 0; i < headers.size(); i++) {
                columns.putIfAbsent(headers.get(i).trim(), columns.get(key(headers.get(i))));
            }
            for (String h : required) {
                if (!columns.containsKey(key(h))) {
                    throw new ReportFormatException("the column '" + h + "' is missing");
                }
            }
            int rows = 0;
            Iterator<CSVRecord> it = csv.iterator();
            while (hasNext(it)) {
                CSVRecord r = it.next();
                if (r.size() != headers.size()) {
                    throw new ReportFormatException("line " + r.getRecordNumber() + " has " + r.size()
                            + " fields where the header has " + headers.size() + " (truncated file?)");
                }
                sink.accept(new Row(r, columns));
                rows++;
            }
            return rows;
        } catch (ReportFormatException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ReportFormatException("unreadable CSV: " + e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not store a report row: " + e.getMessage(), e);
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> it) {
        try {
            return it.hasNext();
        } catch (UncheckedIOException e) { // e.g. a quote left open at the end of a truncated file
            throw new ReportFormatException("unreadable CSV: " + e.getCause().getMessage());
        }
    }

    private static String key(String header) {
        return header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
    }
}
