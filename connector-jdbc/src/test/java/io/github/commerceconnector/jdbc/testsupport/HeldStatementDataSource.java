package io.github.commerceconnector.jdbc.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A data source that holds back the first prepared statement whose SQL contains a given text: its execution waits,
 * before it reaches the server, until the test lets it go. What a test needs to run a statement of a background
 * thread (a lease renewal, say) at the moment it chooses. Everything else is the wrapped data source's.
 */
public final class HeldStatementDataSource extends WrappingDataSource {
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
        super(dataSource);
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
    Connection wrap(Connection connection) {
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
}
