package io.m365insights.testsupport;

import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures the log records of the running application (same JVM), messages and stack traces, with the root logger
 * at ALL (categories configured with their own level keep it; io.m365insights is DEBUG in tests), so a test can check
 * that something never reaches a log even at debug level. Close it to stop capturing.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level previous;
    private final Map<Handler, Level> others = new HashMap<>();

    private CapturedLogs() {
        setLevel(Level.ALL);
        // the console and other handlers keep showing INFO and above only, not the debug flood
        for (Handler h : root.getHandlers()) {
            others.put(h, h.getLevel());
            if (h.getLevel().intValue() < Level.INFO.intValue()) {
                h.setLevel(Level.INFO);
            }
        }
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    public static CapturedLogs start() {
        return new CapturedLogs();
    }

    @Override
    public synchronized void publish(LogRecord r) {
        if (r.getLoggerName() != null && r.getLoggerName().startsWith("org.apache.http")) {
            return; // the test's own HTTP client (REST Assured) logging what it received
        }
        StringBuilder sb = new StringBuilder(r.getLoggerName()).append(' ');
        sb.append(r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : new SimpleFormatter().formatMessage(r));
        for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(" | ").append(t);
        }
        lines.add(sb.toString());
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previous);
        others.forEach(Handler::setLevel);
    }
}
