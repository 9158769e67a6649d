package io.m365insights.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the application logs (every logger, at the levels the application's configuration lets through) while
 * it is open: each record's formatted message and its stack trace, causes included, as one text.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final StringBuilder text = new StringBuilder();
    private final Logger root = Logger.getLogger("");
    private int records;

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records++;
        String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                : new java.util.logging.SimpleFormatter().formatMessage(record);
        text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(' ').append(message).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace).append('\n');
        }
    }

    public synchronized String text() {
        return text.toString();
    }

    public synchronized int records() {
        return records;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
