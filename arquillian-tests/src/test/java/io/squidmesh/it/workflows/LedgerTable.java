package io.squidmesh.it.workflows;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A host-owned table in the application's database, written by the transactional ledger step. */
@Singleton
@Startup
public class LedgerTable {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PostConstruct
    void create() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS it_ledger_entries (run_id varchar(64) NOT NULL, "
                    + "entry varchar(32) NOT NULL, attempt integer NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one ledger row on {@code connection} (in the caller's transaction, when it has one). */
    public static void insert(Connection connection, String runId, String entry, int attempt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO it_ledger_entries (run_id, entry, attempt) VALUES (?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, entry);
            insert.setInt(3, attempt);
            insert.executeUpdate();
        }
    }

    /** Entries of a run, as {@code entry@attempt}, in insertion order. */
    public java.util.List<String> entries(String runId) {
        java.util.List<String> entries = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT entry, attempt FROM it_ledger_entries WHERE run_id = ? ORDER BY attempt, entry DESC")) {
            query.setString(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + "@" + rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }
}
