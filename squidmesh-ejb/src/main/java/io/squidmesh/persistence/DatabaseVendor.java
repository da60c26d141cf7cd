package io.squidmesh.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the engine supports; where their SQL differs, the engine asks which one it runs on. */
public enum DatabaseVendor {
    POSTGRESQL("postgresql"),
    H2("h2");

    private final String migrations;

    DatabaseVendor(String migrations) {
        this.migrations = migrations;
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
