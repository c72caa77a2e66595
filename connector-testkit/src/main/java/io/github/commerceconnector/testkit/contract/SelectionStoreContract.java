package io.github.commerceconnector.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.SelectionStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link SelectionStore} must show: nothing saved at first, what is saved comes back whole
 * (through another store object over the same storage too), a save replaces the previous selection atomically,
 * and clearing forgets it. Extend it and implement {@link #createStore()}; a store whose selection outlives the
 * store object also overrides {@link #sameStorage}.
 */
@Timeout(60)
public abstract class SelectionStoreContract {
    private static final SaasIdentity FIRST = new SaasIdentity("project-1", "Main shop", "space-1", "Testing",
            DataSpaceType.TESTING, null);
    private static final SaasIdentity SECOND = new SaasIdentity("project-2", "Ünïcödé \"shop\" 商店",
            "space-2", "Production", DataSpaceType.PRODUCTION,
            ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg"));

    /** A fresh store over empty storage, of the implementation under test. */
    protected abstract SelectionStore createStore();

    /**
     * A second store object over the same storage as {@code store}, as another process would create it. The
     * default returns {@code store} itself.
     */
    protected SelectionStore sameStorage(SelectionStore store) {
        return store;
    }

    /** Nothing is saved at first. */
    @Test
    public void loadOfAnEmptyStoreIsEmpty() {
        assertEquals(Optional.empty(), createStore().load());
    }

    /** A saved selection comes back whole, IMS organization included, also through another store object. */
    @Test
    public void aSavedSelectionComesBackWhole() {
        SelectionStore store = createStore();
        store.save(SECOND);

        assertEquals(Optional.of(SECOND), store.load());
        assertEquals(Optional.of(SECOND), sameStorage(store).load());
    }

    /** A second save replaces the first, IMS organization link included. */
    @Test
    public void aSaveReplacesThePreviousSelection() {
        SelectionStore store = createStore();
        store.save(SECOND);
        store.save(FIRST);

        assertEquals(Optional.of(FIRST), sameStorage(store).load());
        assertTrue(sameStorage(store).load().orElseThrow().imsOrganization().isEmpty());
    }

    /** Clearing forgets the selection; clearing again, or an empty store, is harmless. */
    @Test
    public void clearForgetsTheSelection() {
        SelectionStore store = createStore();
        store.clear();
        store.save(FIRST);
        store.clear();
        store.clear();

        assertEquals(Optional.empty(), store.load());
        assertEquals(Optional.empty(), sameStorage(store).load());
    }

    /** Saves racing each other leave one whole selection, never a mix of two. */
    @Test
    public void racingSavesLeaveOneWholeSelection() throws Exception {
        SelectionStore store = createStore();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = List.of(
                    threads.submit(() -> saveRepeatedly(store, FIRST)),
                    threads.submit(() -> saveRepeatedly(sameStorage(store), SECOND)),
                    threads.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            store.load().ifPresent(SelectionStoreContract::assertWhole);
                        }
                    }));
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertWhole(sameStorage(store).load().orElseThrow());
    }

    private static void saveRepeatedly(SelectionStore store, SaasIdentity identity) {
        for (int i = 0; i < 50; i++) {
            store.save(identity);
        }
    }

    private static void assertWhole(SaasIdentity loaded) {
        assertTrue(loaded.equals(FIRST) || loaded.equals(SECOND), "a mix of two selections: " + loaded);
    }
}
