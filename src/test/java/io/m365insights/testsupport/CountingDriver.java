package io.m365insights.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The tests' JDBC driver (%test.quarkus.datasource.jdbc.driver): PostgreSQL's, with every statement the application
 * executes counted, whatever runs it: Hibernate, Panache, native queries, our plain JDBC. The N+1 tests read
 * {@link #executed()}; Hibernate's own statistics see only Hibernate's statements. Test code only: the packaged
 * application uses PostgreSQL's driver directly.
 */
public final class CountingDriver implements Driver {
    private static final AtomicLong EXECUTED = new AtomicLong();
    /** The latest statements' SQL, for a failing test's message. */
    private static final java.util.Deque<String> RECENT = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final Driver postgres = new org.postgresql.Driver();

    /** Statements executed since the application started (a batch counts once). */
    public static long executed() {
        return EXECUTED.get();
    }

    /** The SQL of the latest {@code n} statements executed (at most 50 are kept), oldest first. */
    public static java.util.List<String> recent(int n) {
        java.util.List<String> all = new java.util.ArrayList<>(RECENT);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = postgres.connect(url, info);
        return c == null ? null : proxy(Connection.class, c, new Counting(c));
    }

    /** Wraps connections and the statements they make; counts the statements' executions. */
    private record Counting(Object target, String sql) implements InvocationHandler {
        Counting(Object target) {
            this(target, null);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (target instanceof Statement && name.startsWith("execute")) {
                EXECUTED.incrementAndGet();
                RECENT.addLast(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : name);
                while (RECENT.size() > 50) {
                    RECENT.pollFirst();
                }
            }
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                // the driver's own types (PGConnection for COPY): the real object answers
                return call(method, args);
            }
            Object result = call(method, args);
            if (target instanceof Connection && result instanceof Statement s) {
                Class<? extends Statement> type = s instanceof CallableStatement ? CallableStatement.class
                        : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                String text = name.startsWith("prepare") && args != null && args[0] instanceof String q ? q : null;
                return proxy(type, s, new Counting(s, text));
            }
            return result;
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
