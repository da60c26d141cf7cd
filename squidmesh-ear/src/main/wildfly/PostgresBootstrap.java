import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a PostgreSQL server for Squid Mesh: checks that XA can commit (max_prepared_transactions
 * greater than zero), then creates the login role and the database if they are missing.
 * Runs with nothing but a JDK and the driver:
 *   java -cp postgresql.jar PostgresBootstrap.java HOST PORT ADMIN_USER DATABASE USER PASSWORD [--recreate]
 * The admin password, if the server wants one, comes from the PGPASSWORD environment variable.
 * Exit code 2 means the server cannot run XA transactions; the message says how to fix it.
 */
public class PostgresBootstrap {

    public static void main(String[] args) throws SQLException {
        if (args.length < 6) {
            System.err.println("usage: PostgresBootstrap HOST PORT ADMIN_USER DATABASE USER PASSWORD [--recreate]");
            System.exit(64);
        }
        String host = args[0], port = args[1], admin = args[2], database = args[3], user = args[4], password = args[5];
        boolean recreate = args.length > 6 && "--recreate".equals(args[6]);
        checkIdentifier(database);
        checkIdentifier(user);

        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, admin, System.getenv().getOrDefault("PGPASSWORD", ""))) {
            int prepared = intValue(c, "SHOW max_prepared_transactions");
            if (prepared <= 0) {
                System.err.println("PostgreSQL at " + host + ":" + port + " has max_prepared_transactions = " + prepared
                        + ", so it cannot commit XA transactions (Squid Mesh commits each state change and its JMS"
                        + " message in one XA transaction).\nFix: run  ALTER SYSTEM SET max_prepared_transactions = 64;"
                        + "  as a superuser and restart PostgreSQL (on Debian: pg_ctlcluster <version> main restart),"
                        + " or start it with -c max_prepared_transactions=64.");
                System.exit(2);
            }
            try (Statement s = c.createStatement()) {
                if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                    s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                    System.out.println("created role " + user);
                }
                if (recreate && exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    rollBackPrepared(host, port, admin, database);
                    s.execute("DROP DATABASE " + database + " WITH (FORCE)");
                    System.out.println("dropped database " + database);
                }
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    s.execute("CREATE DATABASE " + database + " OWNER " + user);
                    System.out.println("created database " + database);
                }
            }
            System.out.println("PostgreSQL " + host + ":" + port + "/" + database + " ready (max_prepared_transactions = "
                    + prepared + ")");
        } catch (SQLException e) {
            System.err.println("cannot prepare PostgreSQL at " + url + " as " + admin + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * A database with prepared (in-doubt) XA transactions cannot be dropped, and those transactions hold their row
     * locks across restarts: a test database left so by a fault test is emptied of them first. Only for databases
     * being recreated, whose data is thrown away anyway; never do this by hand to a database whose data matters.
     */
    private static void rollBackPrepared(String host, String port, String admin, String database) throws SQLException {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        try (Connection c = DriverManager.getConnection(url, admin, System.getenv().getOrDefault("PGPASSWORD", ""));
             PreparedStatement query = c.prepareStatement("SELECT gid FROM pg_prepared_xacts WHERE database = ?")) {
            query.setString(1, database);
            java.util.List<String> gids = new java.util.ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    gids.add(rs.getString(1));
                }
            }
            for (String gid : gids) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
                }
            }
            if (!gids.isEmpty()) {
                System.out.println("rolled back " + gids.size() + " prepared transaction(s) left in " + database);
            }
        }
    }

    private static void checkIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            System.err.println("not a plain lower-case PostgreSQL identifier: " + name);
            System.exit(64);
        }
    }

    private static int intValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return Integer.parseInt(rs.getString(1).trim());
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
