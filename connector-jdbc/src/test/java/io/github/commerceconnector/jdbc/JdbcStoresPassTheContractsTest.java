package io.github.commerceconnector.jdbc;

import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.api.spi.SyncStateStore;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import io.github.commerceconnector.testkit.contract.CredentialStoreContract;
import io.github.commerceconnector.testkit.contract.SelectionStoreContract;
import io.github.commerceconnector.testkit.contract.SyncStateStoreContract;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The JDBC stores pass the testkit's store contracts against a real PostgreSQL; a second store object stands for
 * another worker (its own pool and, for the sync state, its own worker id).
 */
class JdbcStoresPassTheContractsTest {
    private static final AtomicInteger INSTALLATIONS = new AtomicInteger();

    /** {@link JdbcSyncStateStore}, each test in a schema of its own. */
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

    /** {@link JdbcSelectionStore}: one schema, an installation of its own per test. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Selection extends SelectionStoreContract {
        private TestSchema schema;
        private String installation;

        @BeforeAll
        void createSchema() {
            schema = TestSchema.create();
        }

        @AfterAll
        void closeSchema() {
            schema.close();
        }

        @Override
        protected SelectionStore createStore() {
            installation = "installation-" + INSTALLATIONS.incrementAndGet();
            return JdbcSelectionStore.create(schema.dataSource(), installation, schema.tables());
        }

        @Override
        protected SelectionStore sameStorage(SelectionStore store) {
            return JdbcSelectionStore.create(schema.dataSource(), installation, schema.tables());
        }
    }

    /** {@link JdbcCredentialStore}: one schema, an installation of its own per test. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Credentials extends CredentialStoreContract {
        private TestSchema schema;
        private SecretKey key;

        @BeforeAll
        void createSchema() throws NoSuchAlgorithmException {
            schema = TestSchema.create();
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            key = generator.generateKey();
        }

        @AfterAll
        void closeSchema() {
            schema.close();
        }

        @Override
        protected CredentialStore createStore() {
            return JdbcCredentialStore.builder(schema.dataSource(), "installation-" + INSTALLATIONS.incrementAndGet(),
                    key).tables(schema.tables()).build();
        }
    }
}
