package io.github.commerceconnector.jdbc;

import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import io.github.commerceconnector.testkit.contract.SyncStateStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The JDBC stores pass the testkit's store contracts against a real PostgreSQL, each test in a schema of its own;
 * a second store object stands for another worker (its own pool and worker id).
 */
class JdbcStoresPassTheContractsTest {

    /** {@link JdbcSyncStateStore}. */
    @Nested
    class SyncState extends SyncStateStoreContract {
        private final List<TestSchema> schemas = new ArrayList<>();
        private TestSchema schema;

        @AfterEach
        void closeSchemas() {
            schemas.forEach(TestSchema::close);
        }

        @Override
        protected SyncStateStore createStore() {
            schema = TestSchema.create();
            schemas.add(schema);
            return JdbcSyncStateStore.builder(schema.dataSource()).tables(schema.tables()).ownerId("worker-a").build();
        }

        @Override
        protected SyncStateStore sameStorage(SyncStateStore store) {
            return JdbcSyncStateStore.builder(schema.dataSource()).tables(schema.tables()).ownerId("worker-b").build();
        }
    }
}
