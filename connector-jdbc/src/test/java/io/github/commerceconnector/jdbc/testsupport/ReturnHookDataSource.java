package io.github.commerceconnector.jdbc.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source whose connections run a hook just before they are closed (handed back to the pool), with the
 * connection: what a test needs to see in which state the stores give their connections back. Everything else is
 * the wrapped data source's.
 */
public final class ReturnHookDataSource extends WrappingDataSource {
    private final Hook hook;

    /** Runs before a close. */
    @FunctionalInterface
    public interface Hook {
        /** Called with the connection about to be closed. */
        void beforeClose(Connection connection) throws SQLException;
    }

    /** Wraps a data source. */
    public ReturnHookDataSource(DataSource dataSource, Hook hook) {
        super(dataSource);
        this.hook = hook;
    }

    @Override
    Connection wrap(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            if (method.getName().equals("close") && !connection.isClosed()) {
                hook.beforeClose(connection);
            }
            return invoke(method, connection, args);
        });
    }
}
