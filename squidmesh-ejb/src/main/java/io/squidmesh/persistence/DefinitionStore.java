package io.squidmesh.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The graphs of the workflow definitions nodes deployed ({@code squid_mesh_definitions}), so that a run pinned to a
 * fingerprint no longer deployed can be told which lines of its graph changed; and the open runs by pinned version.
 */
@ApplicationScoped
public class DefinitionStore {

    private static final String RECORD_POSTGRESQL = "INSERT INTO squid_mesh_definitions "
            + "(workflow, version, fingerprint, graph, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING";
    // H2 runs embedded in one server: no concurrent node records the same row
    private static final String RECORD_H2 = "MERGE INTO squid_mesh_definitions "
            + "(workflow, version, fingerprint, graph, recorded_at) KEY (workflow, version, fingerprint) "
            + "VALUES (?1, ?2, ?3, ?4, ?5)";

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private volatile DatabaseVendor vendor;

    /** Records a deployed graph (once per workflow, version and fingerprint). */
    public void record(String workflow, String version, String fingerprint, List<String> lines, Instant now) {
        em.createNativeQuery(vendor() == DatabaseVendor.POSTGRESQL ? RECORD_POSTGRESQL : RECORD_H2)
                .setParameter(1, workflow).setParameter(2, version).setParameter(3, fingerprint)
                .setParameter(4, String.join("\n", lines)).setParameter(5, Timestamp.from(now)).executeUpdate();
    }

    /** The lines of a graph some node deployed, or empty when none recorded it. */
    public Optional<List<String>> graph(String workflow, String version, String fingerprint) {
        List<?> found = em.createNativeQuery("SELECT CAST(graph AS varchar) FROM squid_mesh_definitions "
                        + "WHERE workflow = ?1 AND version = ?2 AND fingerprint = ?3")
                .setParameter(1, workflow).setParameter(2, version).setParameter(3, fingerprint).getResultList();
        return found.isEmpty() ? Optional.empty()
                : Optional.of(Arrays.asList(String.valueOf(found.get(0)).split("\n", -1)));
    }

    /**
     * How many open runs (not completed, failed or cancelled) are pinned to each version and fingerprint of the
     * workflows.
     */
    public List<PinnedRuns> openRuns() {
        return em.createQuery("SELECT r.workflow, r.workflowVersion, r.definitionFingerprint, COUNT(r) FROM RunEntity r"
                        + " WHERE r.status NOT IN :ended GROUP BY r.workflow, r.workflowVersion, r.definitionFingerprint",
                        Object[].class)
                .setParameter("ended", List.of(io.squidmesh.RunStatus.COMPLETED, io.squidmesh.RunStatus.FAILED,
                        io.squidmesh.RunStatus.CANCELLED))
                .getResultList().stream()
                .map(row -> new PinnedRuns((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()))
                .toList();
    }

    /**
     * Open runs of one workflow version pinned to one fingerprint.
     *
     * @param workflow the workflow
     * @param version the version, null for runs from before versions
     * @param fingerprint the graph's fingerprint, null for runs from before versions
     * @param count how many
     */
    public record PinnedRuns(String workflow, String version, String fingerprint, long count) {
    }

    private DatabaseVendor vendor() {
        if (vendor == null) {
            vendor = DatabaseVendor.of(dataSource);
        }
        return vendor;
    }
}
