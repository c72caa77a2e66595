package io.github.commerceconnector.jdbc.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections run a hook just before they are closed (handed back to the pool), with the
 * connection: what a test needs to see in which state the stores give their connections back. Everything else is
 * the wrapped data source's.
 */
public final class ReturnHookDataSource implements DataSource {
    private final DataSource dataSource;
    private final Hook hook;

    /** Runs before a close. */
    @FunctionalInterface
    public interface Hook {
        /** Called with the connection about to be closed. */
        void beforeClose(Connection connection) throws SQLException;
    }

    /** Wraps a data source. */
    public ReturnHookDataSource(DataSource dataSource, Hook hook) {
        this.dataSource = dataSource;
        this.hook = hook;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return hooked(dataSource.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return hooked(dataSource.getConnection(username, password));
    }

    private Connection hooked(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && !connection.isClosed()) {
                hook.beforeClose(connection);
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
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
