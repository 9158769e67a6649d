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
        private final Columns file;

        Row(CSVRecord record, Columns file) {
            this.record = record;
            this.file = file;
        }

        public boolean has(String header) {
            return file.index(header) >= 0;
        }

        /**
         * The position of the first of {@code headers} present in this file, -1 when none is: the same for every row of
         * a file, so a parser reading many rows can look it up once and read the row with {@link #text(int)}.
         */
        public int index(String... headers) {
            for (String h : headers) {
                int i = file.index(h);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }

        /** The value of the first of {@code headers} present (Microsoft renames columns), "" when none is. */
        public String text(String... headers) {
            return text(index(headers));
        }

        /** The value at a position from {@link #index}, "" for -1. */
        public String text(int index) {
            return index < 0 ? "" : record.get(index).trim();
        }

        public LocalDate date(String... headers) {
            return date(index(headers));
        }

        /** The date at a position from {@link #index}, null when empty or for -1. */
        public LocalDate date(int index) {
            String v = text(index);
            if (v.isEmpty()) {
                return null;
            }
            LocalDate d = file.dates.get(v); // a report holds few distinct dates: each is parsed once a file
            if (d == null) {
                try {
                    d = LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    throw new ReportFormatException("line " + record.getRecordNumber() + ": '" + v + "' is not a date");
                }
                if (file.dates.size() < Columns.MAX_DATES) {
                    file.dates.put(v, d);
                }
            }
            return d;
        }

        /** True/False or Yes/No (the spelling of each report is unverified); empty is {@code absent}. */
        public boolean flag(boolean absent, String... headers) {
            return flag(index(headers), absent, headers.length == 0 ? "" : headers[0]);
        }

        /** The flag at a position from {@link #index} ({@code header} names it in an error); -1 is {@code absent}. */
        public boolean flag(int index, boolean absent, String header) {
            if (index < 0) {
                return absent;
            }
            String raw = record.get(index);
            if (raw.equals("No")) { // the spellings the reports use, before the general comparison
                return false;
            }
            if (raw.equals("Yes")) {
                return true;
            }
            String v = raw.trim();
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
                    + "' in column '" + header + "'");
        }

        public long line() {
            return record.getRecordNumber();
        }
    }

    /** What every row of one file shares: the header's positions, and the dates parsed so far. */
    static final class Columns {
        static final int MAX_DATES = 4096;
        private final Map<String, Integer> positions;
        private final Map<String, LocalDate> dates = new HashMap<>();

        Columns(Map<String, Integer> positions) {
            this.positions = positions;
        }

        int index(String header) {
            Integer i = positions.get(header); // the header as Microsoft spells it: no key to build per row
            if (i == null) {
                i = positions.get(key(header));
            }
            return i == null ? -1 : i;
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
            return raw.length() == 32 && TOKEN.matcher(raw).matches();
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
            Columns file = new Columns(columns);
            int rows = 0;
            Iterator<CSVRecord> it = csv.iterator();
            while (hasNext(it)) {
                CSVRecord r = it.next();
                if (r.size() != headers.size()) {
                    throw new ReportFormatException("line " + r.getRecordNumber() + " has " + r.size()
                            + " fields where the header has " + headers.size() + " (truncated file?)");
                }
                sink.accept(new Row(r, file));
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
