package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.core.internal.registry.FileSelectionStore;
import io.github.commerceconnector.testkit.contract.SelectionStoreContract;
import io.github.commerceconnector.testkit.contract.SyncStateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Core's file stores pass the testkit's store contracts; reopening goes through a second store object. */
class FileStoresPassTheContractsTest {

    /** {@link FileSyncStateStore}. */
    @Nested
    class SyncState extends SyncStateStoreContract {
        @TempDir
        Path directory;

        @Override
        protected SyncStateStore createStore() {
            return new FileSyncStateStore(directory.resolve("catalog"));
        }

        @Override
        protected SyncStateStore sameStorage(SyncStateStore store) {
            return new FileSyncStateStore(((FileSyncStateStore) store).directory());
        }
    }

    /** The selection file of the state directory. */
    @Nested
    class Selection extends SelectionStoreContract {
        @TempDir
        Path directory;

        @Override
        protected SelectionStore createStore() {
            return new FileSelectionStore(directory);
        }

        @Override
        protected SelectionStore sameStorage(SelectionStore store) {
            return new FileSelectionStore(directory);
        }
    }
}
