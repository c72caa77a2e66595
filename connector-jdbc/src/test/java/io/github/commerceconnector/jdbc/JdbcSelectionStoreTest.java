package io.github.commerceconnector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.jdbc.testsupport.TestSchema;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the selection store in PostgreSQL adds to the contract: one row per installation, and damage named. */
@Timeout(60)
class JdbcSelectionStoreTest {
    private static final SaasIdentity SELECTED = new SaasIdentity("project-1", "Shop", "space-1", "Testing",
            DataSpaceType.TESTING, null);

    @Test
    void installationsKeepTheirOwnSelection() {
        try (TestSchema schema = TestSchema.create()) {
            DataSource pool = schema.dataSource();
            JdbcSelectionStore.create(pool, "merchant-1", schema.tables()).save(SELECTED);

            assertEquals(Optional.empty(), JdbcSelectionStore.create(pool, "merchant-2", schema.tables()).load());
            assertEquals(Optional.of(SELECTED), JdbcSelectionStore.create(pool, "merchant-1", schema.tables()).load());
        }
    }

    @Test
    void aDataSpaceTypeThisVersionDoesNotKnowIsRefusedWithWhatToDo() throws Exception {
        try (TestSchema schema = TestSchema.create()) {
            DataSource pool = schema.dataSource();
            JdbcSelectionStore store = JdbcSelectionStore.create(pool, "merchant-1", schema.tables());
            store.save(SELECTED);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE " + schema.tables().name("selection") + " SET data_space_type = 'x'");
            }

            ConfigurationException refused = assertThrows(ConfigurationException.class, store::load);
            assertTrue(refused.getMessage().contains("merchant-1") && refused.getMessage().contains("select the data "
                    + "space again"), refused.getMessage());
        }
    }

    @Test
    void aBlankInstallationIdIsRefused() {
        try (TestSchema schema = TestSchema.create()) {
            assertThrows(IllegalArgumentException.class, () -> JdbcSelectionStore.create(schema.dataSource(), " "));
        }
    }
}
