package io.github.commerceconnector.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.core.CommerceServicesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which threads read a blocking call's input, through the public API against the fake gateway: by default the
 * call's preparing threads read it too (one at a time, in order, every item sent once), and with {@link
 * CatalogSyncSettings#readInputOnCallingThread()} only the calling thread does, so an input tied to it (a
 * thread-local context, a thread-bound transaction) sees it on every call of its iterator. An input that throws
 * fails the call with its own exception, whichever thread read it, and the next sync sends the rest.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InputReadingThreadsTest {
    private static final int PRODUCTS = 3_000;
    private static final CatalogSyncSettings UNLIMITED = CatalogSyncSettings.defaults().withRequestsPerSecond(0);

    /** An input of generated products noting the threads its iterator was called on, and whether two overlapped. */
    private static final class WatchedInput implements Iterable<FeedItem> {
        final Set<Thread> readers = ConcurrentHashMap.newKeySet();
        final ThreadLocal<String> context;
        final AtomicBoolean inside = new AtomicBoolean();
        volatile boolean overlapped;
        volatile boolean contextMissing;
        private final int count;
        private final int failAt;

        WatchedInput(int count, int failAt, ThreadLocal<String> context) {
            this.count = count;
            this.failAt = failAt;
            this.context = context;
        }

        @Override
        public Iterator<FeedItem> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return watched(() -> next < count);
                }

                @Override
                public FeedItem next() {
                    return watched(() -> {
                        if (next == failAt) {
                            throw new IllegalStateException("the catalog's database went away at item " + next);
                        }
                        return CatalogGateway.product(next++, 1);
                    });
                }
            };
        }

        private <T> T watched(Supplier<T> call) {
            if (!inside.compareAndSet(false, true)) {
                overlapped = true;
            }
            try {
                readers.add(Thread.currentThread());
                if (!"caller's context".equals(context.get())) {
                    contextMissing = true;
                }
                return call.get();
            } finally {
                inside.set(false);
            }
        }
    }

    @Test
    void byDefaultThePreparingThreadsReadTheInputTooOneAtATimeAndEveryItemIsSentOnce(@TempDir Path dir)
            throws Exception {
        try (CatalogGateway gateway = CatalogGateway.startRealTime()) {
            WatchedInput input = syncWholeCatalog(gateway, dir, UNLIMITED);

            assertEquals(PRODUCTS, gateway.productsHeld().size());
            assertFalse(input.overlapped, "the iterator was never called by two threads at once");
            assertTrue(input.readers.contains(Thread.currentThread()), "the calling thread read too");
            if (Runtime.getRuntime().availableProcessors() > 1) {
                assertTrue(input.readers.size() > 1, "a preparing thread read a part of the input: "
                        + input.readers);
            } else {
                assertEquals(Set.of(Thread.currentThread()), input.readers, "one core: no preparing thread");
            }
        }
    }

    @Test
    void withTheSettingOnlyTheCallingThreadReadsTheInputAndItsContextIsThereForEveryItem(@TempDir Path dir)
            throws Exception {
        try (CatalogGateway gateway = CatalogGateway.startRealTime()) {
            WatchedInput input = syncWholeCatalog(gateway, dir, UNLIMITED.withReadInputOnCallingThread(true));

            assertEquals(Set.of(Thread.currentThread()), input.readers, "the calling thread alone read the input");
            assertFalse(input.contextMissing, "every call of the iterator saw the caller's thread-local context");
        }
        assertTrue(UNLIMITED.withReadInputOnCallingThread(true).readInputOnCallingThread());
        assertFalse(CatalogSyncSettings.defaults().readInputOnCallingThread(), "off by default");
    }

    /**
     * Syncs a catalog of {@link #PRODUCTS} read with the calling thread's context set, checking that it was all
     * sent; the input, for what it saw.
     */
    private static WatchedInput syncWholeCatalog(CatalogGateway gateway, Path dir, CatalogSyncSettings settings)
            throws Exception {
        ThreadLocal<String> context = ThreadLocal.withInitial(() -> null);
        context.set("caller's context");
        WatchedInput input = new WatchedInput(PRODUCTS, -1, context);
        try (CommerceServicesClient client = gateway.client(Files.createDirectories(dir.resolve("state")),
                settings)) {
            SyncReport report = client.catalog().sync(Feed.PRODUCTS, input);

            assertTrue(report.isComplete(), report.toString());
            assertEquals(PRODUCTS, report.sent());
        }
        return input;
    }

    @Test
    void anInputThatThrowsOnAPreparingThreadFailsTheSyncWithItsOwnExceptionAndTheNextSyncSendsTheRest(
            @TempDir Path dir) throws Exception {
        ThreadLocal<String> context = ThreadLocal.withInitial(() -> "caller's context");
        Path state = Files.createDirectories(dir.resolve("state"));
        try (CatalogGateway gateway = CatalogGateway.startRealTime()) {
            WatchedInput failing = new WatchedInput(PRODUCTS, 2_000, context);
            try (CommerceServicesClient client = gateway.client(state, UNLIMITED)) {
                IllegalStateException thrown = assertThrows(IllegalStateException.class,
                        () -> client.catalog().sync(Feed.PRODUCTS, failing));
                assertEquals("the catalog's database went away at item 2000", thrown.getMessage());
            }
            assertTrue(gateway.productsHeld().size() <= 2_000, "nothing after the failure was sent");

            try (CommerceServicesClient client = gateway.client(state, UNLIMITED)) {
                SyncReport report = client.catalog().sync(Feed.PRODUCTS, new WatchedInput(PRODUCTS, -1, context));
                assertTrue(report.isComplete(), report.toString());
                assertEquals(PRODUCTS, report.sent() + report.unchanged(), report.toString());
            }
            assertEquals(PRODUCTS, gateway.productsHeld().size(), "every product held once the input read whole");
        }
    }

    @Test
    void aSettingOfEarlierVersionsKeepsTheDefault() {
        CatalogSyncSettings defaults = CatalogSyncSettings.defaults();
        CatalogSyncSettings earlier = new CatalogSyncSettings(defaults.batchSize(), defaults.maxBatchBytes(),
                defaults.gzip(), defaults.gzipLevel(), defaults.maxInFlight(), defaults.requestsPerSecond(),
                defaults.adaptiveRateLimit(), defaults.syncDeadline(), defaults.splitRejectedBatches(),
                defaults.maxStringBytes(), defaults.maxDepth(), defaults.progressInterval(), defaults.commerceVersion(),
                defaults.exporterVersion(), defaults.deletedRetention(), defaults.feeds());
        assertEquals(defaults, earlier, "the constructor of earlier versions gives the defaults' reading");
        assertFalse(earlier.readInputOnCallingThread());
    }
}
