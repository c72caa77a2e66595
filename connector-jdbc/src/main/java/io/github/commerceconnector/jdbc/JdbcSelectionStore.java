package io.github.commerceconnector.jdbc;

import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.spi.SelectionStore;
import io.github.commerceconnector.jdbc.internal.Migrations;
import io.github.commerceconnector.jdbc.internal.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link SelectionStore} in PostgreSQL: the selected project and data space of one installation (one merchant's
 * store, say), a row of {@code <prefix>selection} keyed by an installation id you choose, so that every worker of
 * the installation shares it.
 *
 * <pre>{@code
 * CommerceServicesClient.builder()
 *         ...
 *         .selectionStore(JdbcSelectionStore.create(dataSource, "merchant-4711"))
 *         .syncStateStore(JdbcSyncStateStore.create(dataSource))
 *         .build();
 * }</pre>
 *
 * <p>A save is one upsert: a reader sees the old selection or the new one. Thread-safe; holds no connection
 * between calls.
 */
public final class JdbcSelectionStore implements SelectionStore {
    private final Transactions transactions;
    private final String installationId;
    private final String select;
    private final String upsert;
    private final String delete;

    private JdbcSelectionStore(DataSource dataSource, String installationId, JdbcTables tables) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"),
                Migrations.advice(tables));
        this.installationId = InstallationIds.check(installationId);
        String table = tables.name("selection");
        this.select = "SELECT project_id, project_name, data_space_id, data_space_name, data_space_type, "
                + "ims_organization_id FROM " + table + " WHERE installation_id = ?";
        this.upsert = "INSERT INTO " + table + " (installation_id, project_id, project_name, data_space_id, "
                + "data_space_name, data_space_type, ims_organization_id, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, clock_timestamp()) ON CONFLICT (installation_id) DO UPDATE SET "
                + "project_id = EXCLUDED.project_id, project_name = EXCLUDED.project_name, "
                + "data_space_id = EXCLUDED.data_space_id, data_space_name = EXCLUDED.data_space_name, "
                + "data_space_type = EXCLUDED.data_space_type, ims_organization_id = EXCLUDED.ims_organization_id, "
                + "updated_at = EXCLUDED.updated_at";
        this.delete = "DELETE FROM " + table + " WHERE installation_id = ?";
    }

    /**
     * The store of one installation's selection, in the default tables.
     *
     * @param installationId which installation (your id of the merchant's store); 1 to 200 characters
     */
    public static JdbcSelectionStore create(DataSource dataSource, String installationId) {
        return create(dataSource, installationId, JdbcTables.defaults());
    }

    /** The store of one installation's selection, in tables of your own. */
    public static JdbcSelectionStore create(DataSource dataSource, String installationId, JdbcTables tables) {
        return new JdbcSelectionStore(dataSource, installationId, Objects.requireNonNull(tables, "tables"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigurationException if the row holds a data space type this version does not know
     */
    @Override
    public Optional<SaasIdentity> load() {
        return transactions.run(() -> "read the selection of installation " + installationId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setString(1, installationId);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String ims = row.getString(6);
                    return Optional.of(new SaasIdentity(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), type(row.getString(5)), ims == null ? null : ImsOrganizationId.of(ims)));
                }
            }
        });
    }

    private DataSpaceType type(String stored) {
        try {
            return DataSpaceType.fromWireName(stored);
        } catch (IllegalArgumentException unknown) {
            throw new ConfigurationException("The saved selection of installation " + installationId
                    + " has an unknown data space type '" + stored + "': select the data space again.", unknown);
        }
    }

    @Override
    public void save(SaasIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        transactions.run(() -> "save the selection of installation " + installationId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                statement.setString(1, installationId);
                statement.setString(2, identity.projectId());
                statement.setString(3, identity.projectName());
                statement.setString(4, identity.dataSpaceId());
                statement.setString(5, identity.dataSpaceName());
                statement.setString(6, identity.dataSpaceType().wireName());
                statement.setString(7, identity.imsOrganization().map(ImsOrganizationId::value).orElse(null));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public void clear() {
        transactions.run(() -> "clear the selection of installation " + installationId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setString(1, installationId);
                return statement.executeUpdate();
            }
        });
    }

    /** Shows the installation id. */
    @Override
    public String toString() {
        return "JdbcSelectionStore[installation " + installationId + "]";
    }
}
