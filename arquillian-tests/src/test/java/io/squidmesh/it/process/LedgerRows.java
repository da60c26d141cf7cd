package io.squidmesh.it.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the host table the transactional test steps write, from outside the server. */
final class LedgerRows {

    private LedgerRows() {
    }

    /** A run's ledger rows as {@code entry@attempt}, by entry. */
    static List<String> of(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT entry, attempt FROM it_ledger_entries WHERE run_id = ? ORDER BY entry")) {
            query.setString(1, runId);
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + "@" + rows.getInt(2));
                }
            }
            return entries;
        }
    }
}
