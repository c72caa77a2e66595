package io.github.commerceconnector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.StateChange;
import io.github.commerceconnector.jdbc.testsupport.CommitHookDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Run in a child JVM by {@link PausedLeaseHolderTest}: a worker that opens a feed's state and writes one item at a
 * time, item {@code n} with identity hash {@code n}, saying {@code OPENED}, then {@code ATTEMPT n} before and
 * {@code WROTE n} after each write, until a write is refused: then {@code FENCED n <new holder>} and exit code 3
 * (any other failure: {@code FAILED n <error>}, exit code 4). Given a number {@code k} as last argument, its
 * {@code k}th write records a finished full sync instead (a transaction of several statements, where each item
 * record is one statement), and it says {@code COMMITTING} and waits a second just before committing it: a moment
 * to pause it inside a write transaction.
 */
public final class LeaseHolderChild {

    private LeaseHolderChild() {
    }

    /**
     * Entry point.
     *
     * @param args JDBC URL, schema, worker id, lease in milliseconds, data space id, and optionally the write
     *             before whose commit to wait
     */
    public static void main(String[] args) throws InterruptedException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(2);
        int slowWrite = args.length > 5 ? Integer.parseInt(args[5]) : -1;
        AtomicBoolean armed = new AtomicBoolean();
        Thread writer = Thread.currentThread();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource dataSource = new CommitHookDataSource(pool, connection -> {
                if (Thread.currentThread() == writer && armed.getAndSet(false)) {
                    say("COMMITTING");
                    sleep(1000);
                }
            });
            JdbcSyncStateStore store = JdbcSyncStateStore.builder(dataSource).tables(JdbcTables.inSchema(args[1]))
                    .ownerId(args[2]).leaseDuration(Duration.ofMillis(Long.parseLong(args[3]))).build();
            try (FeedSyncState state = store.open(args[4], Feed.PRODUCTS)) {
                say("OPENED");
                for (int n = 1;; n++) {
                    say("ATTEMPT " + n);
                    armed.set(n == slowWrite);
                    try {
                        if (n == slowWrite) {
                            state.fullSyncFinished(Instant.now());
                        } else {
                            state.record(List.of(StateChange.accepted(ItemKey.of(Feed.PRODUCTS, "SKU-" + n,
                                    "default"), n, n)), Instant.now());
                        }
                    } catch (LeaseLostException fenced) {
                        say("FENCED " + n + " " + fenced.owner().orElse("nobody"));
                        System.exit(3);
                    } catch (RuntimeException failed) {
                        say("FAILED " + n + " " + failed);
                        System.exit(4);
                    }
                    say("WROTE " + n);
                    Thread.sleep(20);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
