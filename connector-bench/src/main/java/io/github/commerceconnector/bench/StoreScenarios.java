package io.github.commerceconnector.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.catalog.CatalogSyncSettings;
import io.github.commerceconnector.core.catalog.FileSyncStateStore;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.jdbc.JdbcStores;
import io.github.commerceconnector.jdbc.JdbcSyncStateStore;
import io.github.commerceconnector.jdbc.JdbcTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scenarios of the state store benchmark, each run in a child JVM of its own on one store, {@code file} (the
 * default {@link FileSyncStateStore}) or {@code jdbc} ({@link JdbcSyncStateStore} in a fresh schema): a full sync
 * of a catalog into a sink gateway, the opening of its state, and an unchanged re-sync by a new client and store
 * object; and the heap probe of a full sync. Everything but the store is the same for both.
 */
final class StoreScenarios {
    private static final CatalogSyncSettings UNLIMITED = CatalogSyncSettings.defaults().withRequestsPerSecond(0);
    private static final Map<Integer, SelectionStore> SELECTIONS = new ConcurrentHashMap<>();

    private StoreScenarios() {
    }

    /** A store under test, the resources behind it, and a second store object over the same state. */
    private interface Subject extends AutoCloseable {
        /** A new store object over the subject's state (another worker, for the JDBC store). */
        SyncStateStore store(String worker);

        @Override
        void close();
    }

    private static Subject subject(String kind, String jdbcUrl) {
        return switch (kind) {
            case "file" -> fileSubject();
            case "jdbc" -> jdbcSubject(jdbcUrl);
            default -> throw new IllegalArgumentException("Unknown store '" + kind + "': file or jdbc");
        };
    }

    private static Subject fileSubject() {
        Path directory = Directories.create("bench-store-");
        return new Subject() {
            @Override
            public SyncStateStore store(String worker) {
                return new FileSyncStateStore(directory);
            }

            @Override
            public void close() {
                Directories.deleteTree(directory);
            }
        };
    }

    private static Subject jdbcSubject(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcTables tables = JdbcTables.inSchema("bench_" + Long.toString(ThreadLocalRandom.current().nextLong()
                & Long.MAX_VALUE, 36));
        JdbcStores.createSchemaIfMissing(pool, tables);
        return new Subject() {
            @Override
            public SyncStateStore store(String worker) {
                return JdbcSyncStateStore.builder(pool).tables(tables).ownerId(worker).build();
            }

            @Override
            public void close() {
                try (pool; Connection connection = pool.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + tables.schema() + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not drop the benchmark's schema " + tables.schema(), e);
                }
            }
        };
    }

    /**
     * A client of the rig's gateway keeping its sync state in a store, with a data space of the project selected.
     * The selection is kept in one store per data space, shared by the clients of a scenario as workers share it:
     * a client that selected a data space anew would forget its sync state.
     */
    private static CommerceServicesClient client(BenchRig rig, SyncStateStore store, int dataSpace) {
        return client(rig, store, dataSpace, UNLIMITED);
    }

    private static CommerceServicesClient client(BenchRig rig, SyncStateStore store, int dataSpace,
            CatalogSyncSettings settings) {
        CredentialStore credentials = CredentialStores.inMemory();
        credentials.put(rig.keys().credentials(Environment.SANDBOX, ApiKey.of(rig.apiKey())));
        CommerceServicesClient client = CommerceServicesClient.builder()
                .environment(Environment.SANDBOX)
                .credentials(credentials)
                .installation(Installation.NON_PRODUCTION)
                .endpoint(rig.gateway().baseUri())
                .catalogSync(settings)
                .syncStateStore(store)
                .selectionStore(SELECTIONS.computeIfAbsent(dataSpace, any -> SelectionStore.inMemory()))
                .build();
        if (client.dataSpaces().current().isEmpty()) {
            client.dataSpaces().select(client.projects().list().get(0).id(), rig.dataSpaceId(dataSpace));
        }
        return client;
    }

    /**
     * A full sync of {@code size} products (after a warm-up sync of {@code warmup} into another data space), the
     * opening of the state it left, and an unchanged re-sync by a new client and store object, with
     * {@code inFlight} feed requests in flight.
     */
    static Figures sync(String kind, int size, int warmup, String jdbcUrl, int inFlight) throws InterruptedException {
        CatalogSyncSettings settings = UNLIMITED.withMaxInFlight(inFlight);
        Figures figures = new Figures().put("items", size);
        try (Subject subject = subject(kind, jdbcUrl); BenchRig rig = BenchRig.start(true, 0)) {
            if (warmup > 0) {
                try (CommerceServicesClient client = client(rig, subject.store("warm-up"), 1)) {
                    SdkScenarios.expect(client.catalog().sync(Feed.PRODUCTS, StoreProducts.items(warmup))
                            .isComplete(), "the warm-up sync did not complete");
                }
            }
            try (HeapGauge heap = new HeapGauge(); CommerceServicesClient client = client(rig, subject.store("first"),
                    0, settings)) {
                CpuClock cpu = new CpuClock();
                double postgres = PostgresCpu.seconds();
                long start = System.nanoTime();
                SyncReport full = client.catalog().sync(Feed.PRODUCTS, StoreProducts.items(size));
                long nanos = System.nanoTime() - start;
                figures.put("postgresCpuSeconds", PostgresCpu.seconds() - postgres);
                SdkScenarios.expect(full.isComplete() && full.sent() == size, "the full sync sent " + full.sent()
                        + " of " + size);
                figures.put("seconds", nanos / 1e9).put("itemsPerSecond", size / (nanos / 1e9))
                        .put("cpuSeconds", cpu.seconds()).put("poolPeakMiB", heap.poolPeakMiB());
            }
            long start = System.nanoTime();
            subject.store("opener").open(rig.dataSpaceId(0), Feed.PRODUCTS).close();
            figures.put("openSeconds", (System.nanoTime() - start) / 1e9);
            try (CommerceServicesClient client = client(rig, subject.store("second"), 0, settings)) {
                CpuClock cpu = new CpuClock();
                long resync = System.nanoTime();
                SyncReport unchanged = client.catalog().sync(Feed.PRODUCTS, StoreProducts.items(size));
                long nanos = System.nanoTime() - resync;
                SdkScenarios.expect(unchanged.unchanged() == size, "the re-sync found " + unchanged.unchanged()
                        + " of " + size + " unchanged");
                figures.put("resyncSeconds", nanos / 1e9).put("resyncCpuSeconds", cpu.seconds());
            }
        }
        return figures;
    }

    /**
     * The heap probe: a full sync of {@code size} products, forcing a full collection at every tenth of the
     * catalog and at the end (the state still open), keeping the largest heap in use they leave.
     */
    static Figures heap(String kind, int size, String jdbcUrl) throws InterruptedException {
        try (Subject subject = subject(kind, jdbcUrl); BenchRig rig = BenchRig.start(true, 0);
                HeapGauge heap = new HeapGauge();
                CommerceServicesClient client = client(rig, subject.store("heap"), 0)) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, StoreProducts.items(size),
                    new HeapCheckpoints(rig, heap, size));
            SdkScenarios.expect(report.isComplete() && report.sent() == size, "the heap probe sent " + report.sent());
            heap.settle();
            return new Figures().put("items", size).put("livePeakMiB", heap.livePeakMiB())
                    .put("afterGcPeakMiB", heap.afterGcPeakMiB());
        }
    }
}
