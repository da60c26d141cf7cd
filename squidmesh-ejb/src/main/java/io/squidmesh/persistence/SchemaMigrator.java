package io.squidmesh.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Brings the engine's schema up to date when the application deploys, before any bean that reads it
 * runs (the EJB container initialises startup singletons before delivering any message or call).
 * Teams whose DBAs run Flyway themselves set {@code squidmesh.migrate=false}; the deployment then
 * only checks that no migration is pending and fails with the list if one is.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits on its own connection
public class SchemaMigrator {

    static final String HISTORY_TABLE = "squid_mesh_schema_history";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "squidmesh.migrate", defaultValue = "true")
    boolean migrate;

    @PostConstruct
    void migrate() {
        String vendor = DatabaseVendor.of(dataSource).migrations();
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .table(HISTORY_TABLE)
                // the schema is the host application's and usually holds its tables already: start our own
                // history at version 0 there instead of refusing a "non-empty schema without history"
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        if (migrate) {
            var result = flyway.migrate();
            LOG.info(() -> "Squid Mesh schema (" + vendor + ") at version " + flyway.info().current().getVersion()
                    + ", " + result.migrationsExecuted + " migration(s) applied now");
            return;
        }
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            throw new IllegalStateException("squidmesh.migrate=false but the database lacks Squid Mesh migrations "
                    + Arrays.stream(pending).map(m -> m.getVersion() + " " + m.getDescription())
                    .collect(Collectors.joining(", "))
                    + "; run them with Flyway from classpath:db/migration/" + vendor + " (history table "
                    + HISTORY_TABLE + ") or set squidmesh.migrate=true");
        }
    }
}
