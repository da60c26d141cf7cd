package io.squidmesh.examples.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's own ledger table, {@code local_ledger_entries}, in the application's default datasource (the
 * database the engine uses too). Connections taken inside a JTA transaction join it, which is what lets a
 * transactional step's inserts commit or roll back with the step.
 */
@ApplicationScoped
public class LocalLedger {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    public void post(String runId, String accountId, String entry) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO local_ledger_entries (run_id, account_id, entry) VALUES (?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, accountId);
            insert.setString(3, entry);
            insert.executeUpdate();
        }
    }

    /** The entries of a run, in the order they were written. */
    public List<String> entries(String runId) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT entry FROM local_ledger_entries WHERE run_id = ? ORDER BY id")) {
            query.setString(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1));
                }
            }
        }
        return entries;
    }
}
