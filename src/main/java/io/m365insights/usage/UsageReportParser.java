package io.m365insights.usage;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Microsoft 365 Apps user detail report (CSV) with {@link ReportRows}: by header name, never by position.
 * Every {@link UsageFlags} column and the user principal name must be present; a file we cannot read completely is
 * refused whole ({@link ReportFormatException}).
 */
public final class UsageReportParser {
    static final String UPN = "User Principal Name";
    static final String LAST_ACTIVITY = "Last Activity Date";
    static final String LAST_ACTIVATION = "Last Activation Date";
    static final String REFRESH = "Report Refresh Date";
    private static final List<String> REQUIRED = required();

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

    /** Parses the whole report, handing each row to {@code sink}; returns the number of rows. */
    public static int parse(InputStream in, RowSink sink) {
        return ReportRows.parse(in, REQUIRED, row -> {
            String upn = row.text(UPN);
            if (upn.isEmpty()) {
                throw new ReportFormatException("line " + row.line() + " has no " + UPN);
            }
            long flags = 0;
            for (UsageFlags.Flag f : UsageFlags.ALL) {
                // Yes/No (True/False seen in other reports; the exact spelling for this report is unverified)
                if (row.flag(false, f.header())) {
                    flags |= 1L << f.bit();
                }
            }
            ReportRows.Name name = ReportRows.Name.of(upn);
            sink.accept(new Row(name.value(), name.concealed(), flags, row.date(LAST_ACTIVITY),
                    row.date(LAST_ACTIVATION), row.date(REFRESH)));
        });
    }

    private static List<String> required() {
        List<String> headers = new ArrayList<>();
        headers.add(UPN);
        UsageFlags.ALL.forEach(f -> headers.add(f.header()));
        return List.copyOf(headers);
    }
}
