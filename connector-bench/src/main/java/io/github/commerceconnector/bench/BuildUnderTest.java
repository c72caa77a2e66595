package io.github.commerceconnector.bench;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.examples.CatalogGenerator;
import io.github.commerceconnector.examples.CatalogProfile;
import java.nio.file.Path;

/**
 * One build's side of a {@link SideBySide} comparison: loaded once per build, each time through a class loader of
 * that build's classes (the harness defines this class in it), so that its calls run that build's SDK. It keeps one
 * rig and one state directory; its methods are called reflectively, by name, from the harness. Not thread-safe.
 */
public final class BuildUnderTest {
    private static BenchRig rig;
    private static Path state;
    private static CatalogGenerator catalog;
    private static int size;

    private BuildUnderTest() {
    }

    /** Starts a rig and fully syncs {@code products} products of a profile into a fresh state. */
    public static void prepare(int products, String profile) {
        size = products;
        catalog = new CatalogGenerator(CatalogProfile.of(profile));
        state = Directories.create("side-by-side-");
        rig = BenchRig.start(true, 0);
        try (CommerceServicesClient client = rig.client(state.resolve("main"), SdkScenarios.UNLIMITED, 0)) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
            check(report.sent() == size, "the first sync sent " + report.sent() + " of " + size);
        }
    }

    /** A re-sync of the unchanged catalog by a new client on the state: {wall seconds, CPU seconds of the JVM}. */
    public static double[] resync() {
        try (CommerceServicesClient client = rig.client(state.resolve("main"), SdkScenarios.UNLIMITED, 0)) {
            CpuClock cpu = new CpuClock();
            long start = System.nanoTime();
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
            double[] figures = {(System.nanoTime() - start) / 1e9, cpu.seconds()};
            check(report.unchanged() == size, "the re-sync found " + report.unchanged() + " of " + size + " unchanged");
            return figures;
        }
    }

    /** A full sync into a fresh state, deleted after: {wall seconds, CPU seconds of the JVM}. */
    public static double[] full() {
        Path fresh = state.resolve("full");
        try (CommerceServicesClient client = rig.client(fresh, SdkScenarios.UNLIMITED, 1)) {
            CpuClock cpu = new CpuClock();
            long start = System.nanoTime();
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, catalog.products(size));
            double[] figures = {(System.nanoTime() - start) / 1e9, cpu.seconds()};
            check(report.sent() == size, "the full sync sent " + report.sent() + " of " + size);
            return figures;
        } finally {
            Directories.deleteTree(fresh);
        }
    }

    /** Stops the rig and deletes the state. */
    public static void close() {
        if (rig != null) {
            rig.close();
            Directories.deleteTree(state);
            rig = null;
        }
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
