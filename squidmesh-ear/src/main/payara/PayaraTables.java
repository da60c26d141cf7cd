import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Creates one of Payara's own table sets in the application's PostgreSQL database if it is missing, from the DDL
 * Payara ships under {@code glassfish/lib/install/databases/}: {@code ejbtimer_postgresql.sql} (the EJB timer
 * service) or {@code jsr352-postgresql.sql} (the Jakarta Batch job repository).
 *
 * <p>Why a script does it: Payara generates the timer table only the first time a domain's timer service starts
 * (then on its default H2 pool), and the batch runtime did not create its tables on PostgreSQL when pointed there
 * (a job start then fails with {@code relation "jobinstancedata" does not exist}). The DDL files have no
 * IF NOT EXISTS and begin with DROPs, hence the check on {@code TABLE} and only the CREATE statements, in one
 * transaction.
 *
 *   java -cp postgresql.jar PayaraTables.java HOST PORT DATABASE USER PASSWORD TABLE DDL_FILE
 */
public class PayaraTables {

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: PayaraTables HOST PORT DATABASE USER PASSWORD TABLE DDL_FILE");
            System.exit(64);
        }
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/" + args[2];
        String table = args[5];
        List<String> creates = Arrays.stream(Files.readString(Path.of(args[6])).split(";"))
                .map(String::strip)
                .filter(statement -> statement.regionMatches(true, 0, "CREATE", 0, 6))
                .toList();
        try (Connection c = DriverManager.getConnection(url, args[3], args[4]); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + table.replace("'", "''") + "') IS NOT NULL")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    System.out.println(table + " already in " + url);
                    return;
                }
            }
            c.setAutoCommit(false);
            for (String create : creates) {
                s.execute(create);
            }
            c.commit();
            System.out.println("created " + table + " (" + creates.size() + " table(s) from " + Path.of(args[6]).getFileName()
                    + ") in " + url);
        } catch (SQLException e) {
            System.err.println("cannot create " + table + " in " + url + " as " + args[3] + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
