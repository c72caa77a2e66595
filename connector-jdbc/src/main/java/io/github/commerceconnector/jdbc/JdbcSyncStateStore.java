package io.github.commerceconnector.jdbc;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.spi.FeedSyncState;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.jdbc.internal.OwnerIds;
import io.github.commerceconnector.jdbc.internal.SyncStates;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link SyncStateStore} in PostgreSQL, shared by every worker that syncs catalogs: what was sent to each feed
 * of each data space, over plain JDBC on your {@link DataSource} (your pool; no ORM).
 *
 * <pre>{@code
 * JdbcStores.createSchemaIfMissing(dataSource);   // or run the migrations with Flyway / Liquibase
 * CommerceServicesClient.builder()
 *         ...
 *         .syncStateStore(JdbcSyncStateStore.create(dataSource))
 *         .build();
 * }</pre>
 *
 * <p><b>One worker per feed.</b> Opening a feed's state takes a lease on it: a row per data space and feed with
 * the worker's id, the lease's end (by the database's clock) and a fencing token. A second open, by any worker or
 * this one, fails at once with a {@link SyncLockedException} that names the holder and when its lease ends. The
 * holder renews its lease in the background every third of its duration (default 30 s); a worker that dies stops
 * renewing, and its lease ends within the duration. Every write takes the lease's advisory lock shared and checks
 * that the lease row still carries the writer's token before it writes anything, and a takeover takes that lock
 * exclusively: a worker that lost its lease (paused, cut off, presumed dead) cannot write a single row after
 * another worker took over; it gets a {@link LeaseLostException}. The store runs its work at READ COMMITTED, which
 * that check needs, whatever isolation level the pool or the database gives its connections by default: a
 * transaction of several statements starts with {@code SET TRANSACTION ISOLATION LEVEL READ COMMITTED} (one round
 * trip more), and a record, one statement, checks the level within itself and costs no more on a pool at READ
 * COMMITTED (on a pool at another level, a few round trips more).
 *
 * <p><b>Fast and flat.</b> Opening loads the identities, content hashes and statuses of the feed in one streamed
 * query into an off-heap index (24 bytes a slot; the heap does not grow with the catalog). Each {@code record} is
 * one call of the schema's {@code sync_write} function, committed on its own: one round trip, the items as arrays.
 * A batch about to be sent is one row until its answer is recorded, so each item row is written once per sync.
 * Retry payloads are stored zlib-compressed.
 *
 * <p><b>Crash-safe.</b> An item is marked accepted only by the commit of the write that records the gateway's
 * answer; a worker killed at any instant, or a connection cut in the middle of a write, leaves the state as of the
 * last commit, and the next run sends whatever was not confirmed. A write whose connection broke is run again on a
 * fresh connection a few times before the error reaches the sync. A record of items about to be sent waits for the
 * server's WAL flush; a record of the gateway's answers does not ({@code synchronous_commit} off for its transaction
 * only): the worker's death cannot lose it, and PostgreSQL itself stopping within the WAL writer's delay can only
 * take the latest answers back to "unconfirmed" (sent again by the next run), never mark anything accepted.
 *
 * <p>Thread-safe; create one per data source and share it. It holds no connection between calls. Its tables are
 * {@link JdbcTables#defaults()} unless the builder names others; create them first with
 * {@link JdbcStores#createSchemaIfMissing}.
 */
public final class JdbcSyncStateStore implements SyncStateStore {
    /** The default lease duration: 30 s. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private final SyncStates states;
    private final JdbcTables tables;
    private final String ownerId;
    private final Duration leaseDuration;

    private JdbcSyncStateStore(Builder builder) {
        this.tables = builder.tables;
        this.ownerId = builder.ownerId;
        this.leaseDuration = builder.leaseDuration;
        this.states = new SyncStates(builder.dataSource, tables, ownerId, leaseDuration);
    }

    /**
     * A store on a data source, with the default tables, a 30 s lease and this process's worker id.
     *
     * @param dataSource a data source of a PostgreSQL database (12 or later) whose user may read and write the
     *                   connector's tables
     */
    public static JdbcSyncStateStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** A builder of a store on a data source. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Takes the feed's lease, creates its row on the first open, and loads its items.
     *
     * @throws SyncLockedException if another worker, or another sync in this process, holds the lease; it names
     *     the holder and when its lease ends
     */
    @Override
    public FeedSyncState open(String dataSpaceId, Feed feed) {
        return states.open(dataSpaceId, feed);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Takes the leases of the built-in feeds and of every feed the data space has state or a lease for, deletes
     * their state in one transaction, runs {@code erase} while holding them, then releases them.
     */
    @Override
    public void resetDataSpace(String dataSpaceId, Runnable erase) {
        states.resetDataSpace(dataSpaceId, erase);
    }

    /** The id this store writes in the leases it takes. */
    public String ownerId() {
        return ownerId;
    }

    /** How long a lease lasts unless renewed. */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /** The tables it uses. */
    public JdbcTables tables() {
        return tables;
    }

    /** Shows the tables and the worker id. */
    @Override
    public String toString() {
        return "JdbcSyncStateStore[" + tables + ", worker " + ownerId + ", lease " + leaseDuration.toMillis() + " ms]";
    }

    /** Configures a {@link JdbcSyncStateStore}. Not thread-safe; build once. */
    public static final class Builder {
        private final DataSource dataSource;
        private JdbcTables tables = JdbcTables.defaults();
        private String ownerId = OwnerIds.ofThisProcess();
        private Duration leaseDuration = DEFAULT_LEASE;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The schema and prefix of the tables; defaults to {@link JdbcTables#defaults()}. */
        public Builder tables(JdbcTables value) {
            this.tables = Objects.requireNonNull(value, "tables");
            return this;
        }

        /**
         * The worker id written in the leases, shown to other workers in {@link SyncLockedException}; defaults to
         * host name, process id and a random part. Give each live worker its own.
         *
         * @throws IllegalArgumentException if blank or longer than 200 characters
         */
        public Builder ownerId(String value) {
            if (value == null || value.isBlank() || value.length() > 200) {
                throw new IllegalArgumentException("ownerId must be 1 to 200 characters, unique per live worker, "
                        + "e.g. the pod name");
            }
            this.ownerId = value;
            return this;
        }

        /**
         * How long a lease lasts unless renewed: the longest a dead worker keeps others from a feed, and the
         * longest a live worker may be paused without losing it. The holder renews every third of it.
         *
         * @throws IllegalArgumentException if under 1 second or over 1 hour
         */
        public Builder leaseDuration(Duration value) {
            Objects.requireNonNull(value, "leaseDuration");
            if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("leaseDuration " + value + " is out of range: give 1 s to 1 h "
                        + "(default " + DEFAULT_LEASE.toSeconds() + " s)");
            }
            this.leaseDuration = value;
            return this;
        }

        /** Builds the store; it touches the database only when a state is opened or reset. */
        public JdbcSyncStateStore build() {
            return new JdbcSyncStateStore(this);
        }
    }
}
