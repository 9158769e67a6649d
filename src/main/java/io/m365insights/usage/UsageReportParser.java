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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the Microsoft 365 Apps user detail report (CSV) with Apache Commons CSV, by header name, never by position:
 * a UTF-8 byte-order mark, CRLF, quoted fields, empty fields and columns added or reordered by Microsoft are fine.
 * A file we cannot read completely is refused whole ({@link ReportFormatException}).
 */
public final class UsageReportParser {
    /** A concealed name: 32 hex digits instead of the user principal name (CONTRACT.md §2). */
    private static final Pattern TOKEN = Pattern.compile("[0-9A-Fa-f]{32}");
    static final String UPN = "User Principal Name";
    static final String LAST_ACTIVITY = "Last Activity Date";
    static final String LAST_ACTIVATION = "Last Activation Date";
    static final String REFRESH = "Report Refresh Date";

    private UsageReportParser() {
    }

    /** One row. {@code name}: lower-case UPN, upper-case token when concealed, or "(Unknown)". */
    public record Row(String name, boolean concealed, long flags, LocalDate lastActivityDate,
                      LocalDate lastActivationDate, LocalDate refreshDate) {
    }

    @FunctionalInterface
    public interface RowSink {
        void accept(Row row) throws Exception;
    }

    public static boolean isConcealedName(String name) {
        return TOKEN.matcher(name).matches();
    }

    /** Parses the whole report, handing each row to {@code sink}; returns the number of rows. */
    public static int parse(InputStream in, RowSink sink) {
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
                StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get().parse(reader)) {
            Map<String, Integer> columns = columns(csv.getHeaderNames());
            int upn = required(columns, UPN);
            int[] flagColumns = new int[UsageFlags.ALL.size()];
            for (UsageFlags.Flag f : UsageFlags.ALL) {
                flagColumns[f.bit()] = required(columns, f.header());
            }
            Integer lastActivity = columns.get(key(LAST_ACTIVITY));
            Integer lastActivation = columns.get(key(LAST_ACTIVATION));
            Integer refresh = columns.get(key(REFRESH));
            int headerSize = csv.getHeaderNames().size();
            int rows = 0;
            Iterator<CSVRecord> it = csv.iterator();
            while (hasNext(it)) {
                CSVRecord r = it.next();
                if (r.size() != headerSize) {
                    throw new ReportFormatException("line " + r.getRecordNumber() + " has " + r.size()
                            + " fields where the header has " + headerSize + " (truncated file?)");
                }
                String name = r.get(upn).trim();
                if (name.isEmpty()) {
                    throw new ReportFormatException("line " + r.getRecordNumber() + " has no " + UPN);
                }
                long flags = 0;
                for (int i = 0; i < flagColumns.length; i++) {
                    if (yes(r, flagColumns[i])) {
                        flags |= 1L << UsageFlags.ALL.get(i).bit();
                    }
                }
                boolean concealed = isConcealedName(name);
                String normal = concealed ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
                sink.accept(new Row("(unknown)".equals(normal) ? "(Unknown)" : normal, concealed, flags,
                        date(r, lastActivity), date(r, lastActivation), date(r, refresh)));
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

    private static Map<String, Integer> columns(java.util.List<String> headers) {
        if (headers.isEmpty()) {
            throw new ReportFormatException("the report is empty (no header line)");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.putIfAbsent(key(headers.get(i)), i);
        }
        return columns;
    }

    private static String key(String header) {
        return header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
    }

    private static int required(Map<String, Integer> columns, String header) {
        Integer i = columns.get(key(header));
        if (i == null) {
            throw new ReportFormatException("the column '" + header + "' is missing");
        }
        return i;
    }

    /** Yes/No (True/False seen in other reports; the exact spelling for this report is unverified); empty = no. */
    private static boolean yes(CSVRecord r, int column) {
        String v = r.get(column).trim();
        if (v.isEmpty() || v.equalsIgnoreCase("No") || v.equalsIgnoreCase("False")) {
            return false;
        }
        if (v.equalsIgnoreCase("Yes") || v.equalsIgnoreCase("True")) {
            return true;
        }
        throw new ReportFormatException("line " + r.getRecordNumber() + ": unexpected value '" + v + "' in column '"
                + r.getParser().getHeaderNames().get(column) + "'");
    }

    private static LocalDate date(CSVRecord r, Integer column) {
        if (column == null) {
            return null;
        }
        String v = r.get(column).trim();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ReportFormatException("line " + r.getRecordNumber() + ": '" + v + "' is not a date");
        }
    }
}
