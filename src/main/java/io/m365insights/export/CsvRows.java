package io.m365insights.export;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Rows of a result set as CSV: a header of its column names, then one record per row, values in ISO-8601. */
final class CsvRows {
    private CsvRows() {
    }

    static void write(ResultSet rs, Writer out) throws SQLException, IOException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> header = new ArrayList<>(n);
        String[] types = new String[n + 1];
        for (int i = 1; i <= n; i++) {
            header.add(meta.getColumnLabel(i));
            types[i] = meta.getColumnTypeName(i);
        }
        CSVPrinter csv = new CSVPrinter(out, CsvExports.FORMAT); // not closed here: the caller owns the writer
        csv.printRecord(header);
        Object[] values = new Object[n];
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                values[i - 1] = value(rs, i, types[i]);
            }
            csv.printRecord(values);
        }
        csv.flush();
    }

    /** A column's value as text: days as YYYY-MM-DD, instants as UTC ISO-8601 ({@code …Z}), booleans true/false. */
    static String value(ResultSet rs, int i, String type) throws SQLException {
        return switch (type) {
            case "date" -> {
                LocalDate d = rs.getObject(i, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case "timestamptz" -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant().toString();
            }
            case "bool" -> {
                boolean b = rs.getBoolean(i);
                yield rs.wasNull() ? null : String.valueOf(b);
            }
            default -> rs.getString(i);
        };
    }
}
