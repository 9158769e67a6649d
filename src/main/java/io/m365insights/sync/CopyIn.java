package io.m365insights.sync;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Bulk-loads rows into a table with PostgreSQL's {@code COPY ... FROM STDIN} (pgjdbc's CopyManager), a few thousand
 * rows per round trip, written as CSV by Apache Commons CSV. Memory stays bounded: at most one batch is buffered.
 * Values: null is SQL NULL; UUIDs, numbers, booleans, ISO dates/instants and "{a,b}" arrays as their text form.
 */
public final class CopyIn implements AutoCloseable {
    private static final int BATCH = 5000;

    private final CopyManager copy;
    private final String sql;
    private final StringWriter buffer = new StringWriter(1 << 16);
    private final CSVPrinter printer;
    private int pending;
    private long rows;

    private CopyIn(Connection c, String table, String... columns) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
        try {
            this.printer = new CSVPrinter(buffer, CSVFormat.POSTGRESQL_CSV);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CopyIn into(Connection c, String table, String... columns) throws SQLException {
        return new CopyIn(c, table, columns);
    }

    public void row(Object... values) throws SQLException {
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        rows++;
        if (++pending == BATCH) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    /** An array literal for a COPY row: {@code {a,b}}. */
    public static String array(Iterable<?> values) {
        StringBuilder sb = new StringBuilder("{");
        for (Object v : values) {
            sb.append(sb.length() > 1 ? "," : "").append(v);
        }
        return sb.append('}').toString();
    }

    private void flush() throws SQLException {
        try {
            printer.flush();
            if (!buffer.getBuffer().isEmpty()) {
                copy.copyIn(sql, new StringReader(buffer.toString()));
                buffer.getBuffer().setLength(0);
            }
            pending = 0;
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
