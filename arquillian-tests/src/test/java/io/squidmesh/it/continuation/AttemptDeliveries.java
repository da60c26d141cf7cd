package io.squidmesh.it.continuation;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which delivery claimed each attempt of a run (the attempt's delivery id, which no public view shows). */
@Stateless
public class AttemptDeliveries {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    /** "step=delivery id" for every attempt of the run, in the order they were claimed. */
    public List<String> of(UUID runId) {
        List<String> deliveries = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT s.step, a.delivery_id FROM squid_mesh_step_attempts a"
                + " JOIN squid_mesh_step_runs s ON s.id = a.step_run_id WHERE s.run_id = ?1"
                + " ORDER BY a.inserted_at, a.attempt_number").setParameter(1, runId).getResultList()) {
            Object[] columns = (Object[]) row;
            deliveries.add(columns[0] + "=" + columns[1]);
        }
        return deliveries;
    }
}
