package io.github.commerceconnector.jdbc;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the JDBC stores keep their tables: an optional schema and a prefix that starts every table, sequence and
 * index name ({@code connector_} by default, so the sync state lives in {@code connector_sync_item} and its
 * neighbours). Without a schema, the connection's {@code search_path} decides. The schema is quoted in SQL, so a
 * name that is an SQL keyword ({@code order}, {@code user}) works too. Immutable.
 *
 * @param schema the schema, or {@code null} for the connection's default
 * @param prefix the name prefix
 */
public record JdbcTables(String schema, String prefix) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int LONGEST_SUFFIX = "credentials".length();
    private static final int NAME_LIMIT = 63;

    /** The default prefix, {@value}. */
    public static final String DEFAULT_PREFIX = "connector_";

    /**
     * Checks the names: lower-case letters, digits and underscores, not starting with a digit, short enough
     * for PostgreSQL's 63-byte names.
     *
     * @throws IllegalArgumentException naming the bad part and what would be valid
     */
    public JdbcTables {
        Objects.requireNonNull(prefix, "prefix");
        if (!IDENTIFIER.matcher(prefix).matches() || prefix.length() + LONGEST_SUFFIX > NAME_LIMIT - 5) {
            throw new IllegalArgumentException("Table prefix '" + prefix + "' is not usable: give lower-case letters, "
                    + "digits and underscores, not starting with a digit, at most "
                    + (NAME_LIMIT - 5 - LONGEST_SUFFIX) + " characters, e.g. '" + DEFAULT_PREFIX + "'");
        }
        if (schema != null && (!IDENTIFIER.matcher(schema).matches() || schema.length() > NAME_LIMIT)) {
            throw new IllegalArgumentException("Schema '" + schema + "' is not usable: give lower-case letters, "
                    + "digits and underscores, not starting with a digit, at most " + NAME_LIMIT + " characters, "
                    + "or no schema to use the connection's search_path");
        }
    }

    /** The default tables: prefix {@value #DEFAULT_PREFIX}, in the connection's default schema. */
    public static JdbcTables defaults() {
        return new JdbcTables(null, DEFAULT_PREFIX);
    }

    /** Tables with the default prefix in a schema. */
    public static JdbcTables inSchema(String schema) {
        return new JdbcTables(Objects.requireNonNull(schema, "schema"), DEFAULT_PREFIX);
    }

    /** A copy with another prefix. */
    public JdbcTables withPrefix(String otherPrefix) {
        return new JdbcTables(schema, otherPrefix);
    }

    /** The schema, if one is set. */
    public Optional<String> schemaIfSet() {
        return Optional.ofNullable(schema);
    }

    /**
     * The name of one of the stores' tables or sequences as SQL, qualified by the quoted schema when one is set,
     * e.g. {@code "order".connector_sync_item}.
     *
     * @param suffix the name without prefix, e.g. {@code sync_item}
     */
    public String name(String suffix) {
        return (schema == null ? "" : quotedSchema() + ".") + prefix + suffix;
    }

    /**
     * The schema as an SQL identifier, quoted so that a keyword is read as a name (the check of the constructor
     * leaves nothing that needs escaping).
     *
     * @throws IllegalStateException if no schema is set
     */
    public String quotedSchema() {
        if (schema == null) {
            throw new IllegalStateException("These tables have no schema: they are in the connection's search_path");
        }
        return '"' + schema + '"';
    }

    /** Shows schema and prefix. */
    @Override
    public String toString() {
        return (schema == null ? "" : schema + ".") + prefix + "*";
    }
}
