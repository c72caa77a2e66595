package io.github.commerceconnector.testkit.contract;

import io.github.commerceconnector.api.spi.InMemorySyncStateStore;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.api.spi.SyncStateStore;
import org.junit.jupiter.api.Nested;

/** The in-memory stores of connector-api pass the store contracts, as the file and JDBC stores do. */
class InMemoryStoresPassTheContractsTest {

    /** {@link InMemorySyncStateStore}. */
    @Nested
    class SyncState extends SyncStateStoreContract {
        @Override
        protected SyncStateStore createStore() {
            return new InMemorySyncStateStore();
        }
    }

    /** {@link SelectionStore#inMemory()}. */
    @Nested
    class Selection extends SelectionStoreContract {
        @Override
        protected SelectionStore createStore() {
            return SelectionStore.inMemory();
        }
    }
}
