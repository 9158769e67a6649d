package io.m365insights.sync;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Bulk-loads rows into a table with PostgreSQL's {@code COPY ... FROM STDIN} (pgjdbc's CopyManager), written as CSV by
 * Apache Commons CSV, a few thousand rows at a time. Memory stays bounded: at most one batch is buffered.
 * Values: null is SQL NULL; UUIDs, numbers, booleans, ISO dates/instants and "{a,b}" arrays as their text form.
 *
 * <p>{@link #into} runs one COPY per batch, so several may fill different tables on one connection, interleaved.
 * {@link #streaming} runs one COPY for all its rows: each batch is sent as it is written and PostgreSQL stores it while
 * the next batch is being made (the two overlap, on two cores); nothing else may use the connection until it is closed.
 */
public final class CopyIn implements AutoCloseable {
    private static final int BATCH = 5000;

    private final CopyManager copy;
    private final String sql;
    private final boolean streaming;
    /** The open COPY of a streaming load, from its first batch on. */
    private org.postgresql.copy.CopyIn open;
    private final StringWriter buffer = new StringWriter(1 << 16);
    private final CSVPrinter printer;
    private int pending;
    private long rows;

    private CopyIn(Connection c, boolean streaming, String table, String... columns) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.streaming = streaming;
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
        try {
            this.printer = new CSVPrinter(buffer, CSVFormat.POSTGRESQL_CSV);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A load of one COPY per batch: other loads and statements may use the connection between rows. */
    public static CopyIn into(Connection c, String table, String... columns) throws SQLException {
        return new CopyIn(c, false, table, columns);
    }

    /** A load of one COPY for all rows, streamed: the connection is the load's alone until {@link #close}. */
    public static CopyIn streaming(Connection c, String table, String... columns) throws SQLException {
        return new CopyIn(c, true, table, columns);
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
                if (streaming) {
                    if (open == null) {
                        open = copy.copyIn(sql);
                    }
                    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                    open.writeToCopy(bytes, 0, bytes.length);
                } else {
                    copy.copyIn(sql, new StringReader(buffer.toString()));
                }
                buffer.getBuffer().setLength(0);
            }
            pending = 0;
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Sends what is left and, streaming, ends the COPY: its rows are stored when this returns. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
        } catch (SQLException | RuntimeException e) {
            if (open != null && open.isActive()) { // the connection leaves the COPY, without its rows
                try {
                    open.cancelCopy();
                } catch (SQLException second) {
                    e.addSuppressed(second);
                }
            }
            throw e;
        }
        if (open != null && open.isActive()) {
            open.endCopy();
        }
    }
}
