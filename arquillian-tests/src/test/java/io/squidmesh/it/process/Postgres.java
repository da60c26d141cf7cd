package io.squidmesh.it.process;

import io.squidmesh.it.support.Await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL cluster as the fault tests need it: restarted, stopped and started with Debian's
 * {@code pg_ctlcluster} (the tests run as root, as CI does), and asked about prepared XA transactions.
 */
final class Postgres {

    private Postgres() {
    }

    static void restart() {
        ctl("restart");
        awaitUp();
    }

    static void stop() {
        ctl("stop -m fast");
    }

    static void start() {
        ctl("start");
        awaitUp();
    }

    /** Prepared (in-doubt) XA transactions of the process test database. */
    static int preparedTransactions() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return -1; // not reachable yet
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("squidmesh.process.jdbc.url"),
                System.getProperty("squidmesh.process.jdbc.user"), System.getProperty("squidmesh.process.jdbc.password"));
    }

    static boolean isUsed() {
        return System.getProperty("squidmesh.process.jdbc.url", "").startsWith("jdbc:postgresql:");
    }

    private static void awaitUp() {
        Await.until("PostgreSQL to accept connections", Postgres::preparedTransactions, n -> n >= 0,
                Duration.ofSeconds(60));
    }

    private static void ctl(String action) {
        String command = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | sort -V | tail -n 1) main "
                + action;
        try {
            Process process = new ProcessBuilder(List.of("bash", "-c", command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }
}
