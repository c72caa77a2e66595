package io.github.commerceconnector.examples.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The fleet's merchants, rows of {@code fleet_merchant}. Thread-safe; holds no connection between calls. */
public final class MerchantDirectory {
    private final DataSource dataSource;

    /**
     * A directory in a database whose schema {@link FleetSchema#create} made.
     *
     * @param dataSource the fleet's database
     */
    public MerchantDirectory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Adds a merchant, or replaces its catalog size and revision.
     *
     * @param merchant the merchant
     */
    public void put(Merchant merchant) {
        update("INSERT INTO fleet_merchant (merchant_id, products, revision) VALUES (?, ?, ?) ON CONFLICT "
                + "(merchant_id) DO UPDATE SET products = EXCLUDED.products, revision = EXCLUDED.revision",
                merchant.id(), merchant.products(), merchant.revision());
    }

    /**
     * Gives every merchant's catalog a new revision, as a day of catalog edits would.
     *
     * @param revision the revision, 0 or more
     * @return how many merchants
     */
    public int reviseAll(int revision) {
        if (revision < 0) {
            throw new IllegalArgumentException("revision " + revision + " must be 0 or more");
        }
        return update("UPDATE fleet_merchant SET revision = ?", revision);
    }

    /**
     * A merchant.
     *
     * @param merchantId its id
     * @return the merchant, or empty if there is none of that id
     */
    public Optional<Merchant> find(String merchantId) {
        List<Merchant> found = query(" WHERE merchant_id = ?", merchantId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Every merchant, by id.
     *
     * @return the merchants
     */
    public List<Merchant> all() {
        return query(" ORDER BY merchant_id");
    }

    private List<Merchant> query(String where, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, "SELECT merchant_id, products, revision FROM "
                        + "fleet_merchant" + where, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Merchant> merchants = new ArrayList<>();
            while (rows.next()) {
                merchants.add(new Merchant(rows.getString(1), rows.getInt(2), rows.getInt(3)));
            }
            return merchants;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the fleet's merchants: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the fleet's merchants: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int n = 0; n < parameters.length; n++) {
            statement.setObject(n + 1, parameters[n]);
        }
        return statement;
    }
}
