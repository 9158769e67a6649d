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
    private static final int FLAGS = 4; // the first flag's place among a file's column positions

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
        List<UsageFlags.Flag> all = UsageFlags.ALL;
        return ReportRows.parse(in, REQUIRED, new ReportRows.RowSink() {
            /** The columns' positions in this file, looked up on its first row: the UPN, the dates, then the flags. */
            private int[] columns;

            @Override
            public void accept(ReportRows.Row row) throws Exception {
                if (columns == null) {
                    columns = new int[FLAGS + all.size()];
                    columns[0] = row.index(UPN);
                    columns[1] = row.index(LAST_ACTIVITY);
                    columns[2] = row.index(LAST_ACTIVATION);
                    columns[3] = row.index(REFRESH);
                    for (int i = 0; i < all.size(); i++) {
                        columns[FLAGS + i] = row.index(all.get(i).header());
                    }
                }
                String upn = row.text(columns[0]);
                if (upn.isEmpty()) {
                    throw new ReportFormatException("line " + row.line() + " has no " + UPN);
                }
                long flags = 0;
                for (int i = 0; i < all.size(); i++) {
                    // Yes/No (True/False seen in other reports; the exact spelling for this report is unverified)
                    UsageFlags.Flag f = all.get(i);
                    if (row.flag(columns[FLAGS + i], false, f.header())) {
                        flags |= 1L << f.bit();
                    }
                }
                ReportRows.Name name = ReportRows.Name.of(upn);
                sink.accept(new Row(name.value(), name.concealed(), flags, row.date(columns[1]),
                        row.date(columns[2]), row.date(columns[3])));
            }
        });
    }

    private static List<String> required() {
        List<String> headers = new ArrayList<>();
        headers.add(UPN);
        UsageFlags.ALL.forEach(f -> headers.add(f.header()));
        return List.copyOf(headers);
    }
}
