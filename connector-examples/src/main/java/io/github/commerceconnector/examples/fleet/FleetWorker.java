package io.github.commerceconnector.examples.fleet;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.jdbc.JdbcSyncStateStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import javax.crypto.SecretKey;

/**
 * A worker of the fleet: one of any number of processes over one PostgreSQL database that together sync every
 * merchant's catalog, each merchant as a recurring db-scheduler task ({@link CatalogSyncTask}).
 *
 * <ul>
 *   <li>The merchants are rows of the database: their catalog ({@link MerchantDirectory}), their keys (encrypted,
 *       {@code connector_credentials}), their selected data space ({@code connector_selection}) and their sync
 *       state ({@code connector_sync_*}), all keyed by the merchant id.</li>
 *   <li>db-scheduler hands each due merchant to one worker; a worker that dies stops its heartbeats, and after four
 *       missed ones another worker runs its merchants again.</li>
 *   <li>The sync state's lease on each feed makes sure that no feed is ever synced by two workers at once, even when
 *       the scheduler's guess that a worker died is wrong (a long pause): the second one gets a
 *       {@code SyncLockedException} and tries again when the lease ends.</li>
 *   <li>What a killed worker sent but did not record is sent again by the next run; nothing it recorded is sent
 *       twice.</li>
 * </ul>
 *
 * <p>Start one with {@code java -cp connector-examples.jar io.github.commerceconnector.examples.fleet.FleetWorker
 * --jdbc-url ... --gateway ...} ({@link FleetWorkerOptions#USAGE}); add merchants with {@link SeedMerchant}; try the
 * whole fleet on one machine with {@link FleetDemo}. It stops on SIGTERM (or Ctrl-C), letting the syncs under way
 * finish for up to 10 s (a sync cut short is carried on by the next run, as after a crash).
 */
public final class FleetWorker implements AutoCloseable {
    private final HikariDataSource pool;
    private final MerchantClients clients;
    private final Scheduler scheduler;
    private final FleetEvents events;

    private FleetWorker(HikariDataSource pool, MerchantClients clients, Scheduler scheduler, FleetEvents events) {
        this.pool = pool;
        this.clients = clients;
        this.scheduler = scheduler;
        this.events = events;
    }

    /**
     * Runs a worker until it is stopped.
     *
     * @param args see {@link FleetWorkerOptions#USAGE}
     */
    public static void main(String[] args) throws InterruptedException {
        if (CommandLine.wantsHelp(args)) {
            System.out.println(FleetWorkerOptions.USAGE);
            return;
        }
        FleetWorkerOptions options;
        SecretKey key;
        try {
            options = FleetWorkerOptions.parse(args);
            key = FleetKeys.fromEnvironment();
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        FleetWorker worker = start(options, key, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "fleet-worker-stop"));
        stopped.await();
    }

    /**
     * Starts a worker: its pool, the schema step, its clients and its scheduler; schedules every merchant that
     * has no task yet.
     *
     * @param options        how it runs
     * @param credentialsKey the AES key the merchants' keys are encrypted with
     * @param out            where it reports ({@link FleetEvents})
     * @return the running worker; close it to stop it
     */
    public static FleetWorker start(FleetWorkerOptions options, SecretKey credentialsKey, PrintStream out) {
        Objects.requireNonNull(options, "options");
        HikariDataSource pool = pool(options);
        try {
            FleetSchema.create(pool);
            MerchantDirectory merchants = new MerchantDirectory(pool);
            JdbcSyncStateStore syncState = JdbcSyncStateStore.builder(pool).ownerId(options.worker())
                    .leaseDuration(options.lease()).build();
            MerchantClients clients = new MerchantClients(pool, credentialsKey, options.gateway(),
                    options.environment(), syncState, options.batchSize());
            FleetEvents events = new FleetEvents(out, options.worker());
            CustomTask<Void> task = CatalogSyncTask.create(new MerchantSync(merchants, clients, events), events,
                    options.interval());
            Scheduler scheduler = Scheduler.create(pool, task)
                    .schedulerName(new SchedulerName.Fixed(options.worker()))
                    .threads(options.threads())
                    .pollingInterval(options.polling())
                    .heartbeatInterval(options.heartbeat())
                    .missedHeartbeatsLimit(4)
                    .enableImmediateExecution()
                    .shutdownMaxWait(Duration.ofSeconds(10))
                    .build();
            merchants.all().forEach(merchant -> CatalogSyncTask.scheduleIfMissing(scheduler, merchant.id()));
            scheduler.start();
            events.say("READY", options);
            return new FleetWorker(pool, clients, scheduler, events);
        } catch (RuntimeException failed) {
            pool.close();
            throw failed;
        }
    }

    private static HikariDataSource pool(FleetWorkerOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl());
        config.setPoolName("fleet-" + options.worker());
        // the scheduler's polling and heartbeats, each sync's writes, and each lease's renewals
        config.setMaximumPoolSize(2 * options.threads() + 4);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    /** Stops taking merchants, lets the syncs under way finish (up to 10 s), closes the clients and the pool. */
    @Override
    public void close() {
        try {
            scheduler.stop();
        } finally {
            try {
                clients.close();
            } finally {
                pool.close();
                events.say("STOPPED");
            }
        }
    }
}
