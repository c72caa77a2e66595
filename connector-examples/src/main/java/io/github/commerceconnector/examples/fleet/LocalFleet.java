package io.github.commerceconnector.examples.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A whole fleet on one machine, for the demo and the fleet's test: a PostgreSQL database (embedded, or the one a
 * JDBC URL names), a fake gateway on loopback (the default guardrail of 2 feed requests a second per data space;
 * every item held against the exporter's schema) with one project and key per merchant, the merchants seeded, and
 * workers started as JVMs of their own. Closing it kills the workers still running and stops the rest.
 */
public final class LocalFleet implements AutoCloseable {
    private final EmbeddedDatabase database;
    private final String jdbcUrl;
    private final HikariDataSource pool;
    private final FakeGateway gateway;
    private final Settings settings;
    private final Path logs;
    private final String credentialsKey = FleetKeys.newKey();
    private final Map<String, String> dataSpaces = new LinkedHashMap<>();
    private final List<WorkerProcess> workers = new ArrayList<>();

    /**
     * What the fleet is made of.
     *
     * @param jdbcUrl   the database, or {@code null} for an embedded one
     * @param merchants how many merchants
     * @param products  the smallest catalog: merchant {@code n} has {@code products + (37 n mod (products / 2 + 1))}
     *                  products
     * @param threads   merchants each worker syncs at once
     * @param interval  time between two complete syncs of a merchant
     * @param lease     a feed's lease
     * @param heartbeat the workers' heartbeat
     * @param polling   how often workers look for merchants due
     * @param batchSize items per request; 0 for the feeds' defaults
     */
    public record Settings(String jdbcUrl, int merchants, int products, int threads, Duration interval, Duration lease,
            Duration heartbeat, Duration polling, int batchSize) {

        /** Checks the numbers. */
        public Settings {
            if (merchants < 1 || merchants > 9_999 || products < 1 || threads < 1) {
                throw new IllegalArgumentException("Give 1 to 9999 merchants, at least 1 product and 1 thread");
            }
        }
    }

    private LocalFleet(Settings settings, Path logs) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.logs = Objects.requireNonNull(logs, "logs");
        this.database = settings.jdbcUrl() == null ? EmbeddedDatabase.start() : null;
        this.jdbcUrl = database != null ? database.jdbcUrl() : settings.jdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(4);
        config.setPoolName("local-fleet");
        this.pool = new HikariDataSource(config);
        this.gateway = FakeGateway.builder().checkSchema(true).start();
    }

    /**
     * Starts the database and the gateway, and seeds the merchants ({@code merchant-001} and on).
     *
     * @param settings what the fleet is made of
     * @param logs     where the workers' standard error goes
     * @return the fleet, without workers yet
     */
    public static LocalFleet start(Settings settings, Path logs) {
        LocalFleet fleet = new LocalFleet(settings, logs);
        try {
            fleet.seed();
            return fleet;
        } catch (RuntimeException failed) {
            fleet.close();
            throw failed;
        }
    }

    private void seed() {
        TestKeyPair keys = TestKeys.rsa();
        try (FleetSeeder seeder = new FleetSeeder(pool, FleetKeys.decode(credentialsKey), gateway.baseUri(),
                Environment.SANDBOX)) {
            for (int n = 1; n <= settings.merchants(); n++) {
                String id = String.format(Locale.ROOT, "merchant-%03d", n);
                SaasProject project = gateway.services().addProject("Merchant " + n);
                String dataSpaceId = project.testingDataSpaces().get(0).id();
                ApiKey apiKey = TestKeys.apiKey();
                gateway.registerKey(apiKey, keys.publicKey());
                int products = settings.products() + (37 * n) % (settings.products() / 2 + 1);
                seeder.seed(new Merchant(id, products, 0), keys.credentials(Environment.SANDBOX, apiKey), project.id(),
                        dataSpaceId);
                dataSpaces.put(id, dataSpaceId);
            }
        }
    }

    /**
     * Starts a worker in a JVM of its own.
     *
     * @param name     its name
     * @param listener told each line it prints
     * @return the worker
     */
    public synchronized WorkerProcess startWorker(String name, Consumer<String> listener) {
        FleetWorkerOptions options = new FleetWorkerOptions(jdbcUrl, gateway.baseUri(), Environment.SANDBOX, name,
                settings.threads(), settings.interval(), settings.lease(), settings.heartbeat(), settings.polling(),
                settings.batchSize());
        WorkerProcess worker = WorkerProcess.start(options, Map.of(FleetKeys.VARIABLE, credentialsKey), logs,
                listener);
        workers.add(worker);
        return worker;
    }

    /** The fleet's database. */
    public DataSource dataSource() {
        return pool;
    }

    /** The fleet's merchants. */
    public MerchantDirectory merchants() {
        return new MerchantDirectory(pool);
    }

    /** The fake gateway. */
    public FakeGateway gateway() {
        return gateway;
    }

    /**
     * The data space of a merchant.
     *
     * @param merchantId the merchant
     * @return its data space id
     */
    public String dataSpaceOf(String merchantId) {
        return Objects.requireNonNull(dataSpaces.get(merchantId), () -> "No merchant " + merchantId);
    }

    /**
     * How many items the gateway does not hold exactly, over every merchant this fleet seeded, at its current
     * revision.
     *
     * @return 0 when every merchant's catalog is exact in the gateway
     */
    public long differences() {
        MerchantDirectory merchants = merchants();
        long differences = 0;
        for (Map.Entry<String, String> seeded : dataSpaces.entrySet()) {
            Merchant merchant = merchants.find(seeded.getKey()).orElseThrow();
            differences += HeldCatalogs.differences(gateway.services(), seeded.getValue(), merchant);
        }
        return differences;
    }

    /**
     * The most feed requests any one data space had in flight at once: 1 while no two workers ever synced one
     * merchant at a time (each keeps one request in flight per data space).
     *
     * @return the most, over every data space
     */
    public int maxConcurrentSenders() {
        return gateway.maxConcurrentFeedRequests().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Stops the workers still running (SIGTERM, then SIGKILL), the gateway and the database. */
    @Override
    public void close() {
        try {
            workers.forEach(WorkerProcess::terminate);
            for (WorkerProcess worker : workers) {
                worker.awaitExit(30);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            pool.close();
            gateway.close();
            if (database != null) {
                database.close();
            }
        }
    }
}
