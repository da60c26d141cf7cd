package io.squidmesh.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** The databases the engine supports; where their SQL differs, the engine asks which one it runs on. */
public enum DatabaseVendor {
    POSTGRESQL("postgresql"),
    H2("h2");

    private final String migrations;

    DatabaseVendor(String migrations) {
        this.migrations = migrations;
    }

    /**
     * The query that reads the database's clock as it is now, or empty when the database has no clock of its own.
     * Not {@code CURRENT_TIMESTAMP}: both databases answer it with the start of the transaction, which would
     * misalign the engine's clock by however long the transaction has been open. H2 runs embedded in the server's
     * JVM, so it shares the server's clock.
     */
    public Optional<String> clockQuery() {
        return this == POSTGRESQL ? Optional.of("SELECT clock_timestamp()") : Optional.empty();
    }

    /** The folder under {@code db/migration} holding this database's schema migrations. */
    public String migrations() {
        return migrations;
    }

    /** The vendor of the application's default datasource, or a message naming what it is instead. */
    public static DatabaseVendor of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String normalized = product.toLowerCase(Locale.ROOT);
            if (normalized.contains("postgres")) {
                return POSTGRESQL;
            }
            if (normalized.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("Squid Mesh supports PostgreSQL and H2; the default datasource is "
                    + product);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the default datasource (java:comp/DefaultDataSource): "
                    + e.getMessage(), e);
        }
    }
}
