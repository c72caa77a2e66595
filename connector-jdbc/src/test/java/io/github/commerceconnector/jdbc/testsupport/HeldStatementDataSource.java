package io.github.commerceconnector.jdbc.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that holds back the first prepared statement whose SQL contains a given text: its execution waits,
 * before it reaches the server, until the test lets it go. What a test needs to run a statement of a background
 * thread (a lease renewal, say) at the moment it chooses. Everything else is the wrapped data source's.
 */
public final class HeldStatementDataSource implements DataSource {
    private final DataSource dataSource;
    private final String sqlPart;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);

    /**
     * Wraps a data source.
     *
     * @param sqlPart a text of the SQL of the statement to hold
     */
    public HeldStatementDataSource(DataSource dataSource, String sqlPart) {
        this.dataSource = dataSource;
        this.sqlPart = sqlPart;
    }

    /** Waits until the statement is held; fails after the timeout. */
    public void awaitHeld(long seconds) throws InterruptedException {
        if (!held.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("no statement containing '" + sqlPart + "' ran within " + seconds + " s");
        }
    }

    /** Lets the held statement run, and waits until it has run; fails after the timeout. */
    public void letGoAndAwait(long seconds) throws InterruptedException {
        letGo.countDown();
        if (!done.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the statement containing '" + sqlPart + "' did not end within " + seconds
                    + " s");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watched(dataSource.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watched(dataSource.getConnection(username, password));
    }

    private Connection watched(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = invoke(method, connection, args);
            if (method.getName().equals("prepareStatement") && ((String) args[0]).contains(sqlPart)
                    && taken.compareAndSet(false, true)) {
                return held((PreparedStatement) result);
            }
            return result;
        });
    }

    private PreparedStatement held(PreparedStatement statement) {
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(method, statement, args);
            }
            held.countDown();
            letGo.await(60, TimeUnit.SECONDS);
            try {
                return invoke(method, statement, args);
            } finally {
                done.countDown();
            }
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return dataSource.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        dataSource.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        dataSource.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return dataSource.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return dataSource.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return dataSource.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return dataSource.isWrapperFor(type);
    }
}
