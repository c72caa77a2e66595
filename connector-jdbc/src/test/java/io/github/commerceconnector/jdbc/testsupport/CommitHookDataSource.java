package io.github.commerceconnector.jdbc.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source whose connections run a hook just before each {@code commit}, with the connection: what a test
 * needs to stop a worker, or kill its connection, in the middle of a write transaction. Everything else is the
 * wrapped data source's.
 */
public final class CommitHookDataSource extends WrappingDataSource {
    private final Hook hook;

    /** Runs before a commit. */
    @FunctionalInterface
    public interface Hook {
        /** Called with the connection about to commit. */
        void beforeCommit(Connection connection) throws SQLException;
    }

    /** Wraps a data source. */
    public CommitHookDataSource(DataSource dataSource, Hook hook) {
        super(dataSource);
        this.hook = hook;
    }

    @Override
    Connection wrap(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            if (method.getName().equals("commit") && method.getParameterCount() == 0) {
                hook.beforeCommit(connection);
            }
            return invoke(method, connection, args);
        });
    }
}
