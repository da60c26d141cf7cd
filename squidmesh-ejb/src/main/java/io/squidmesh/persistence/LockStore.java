package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.UUID;

/** Takes and renews the cluster-wide roles of {@code squid_mesh_locks}. */
@ApplicationScoped
public class LockStore {

    public static final String WATCHDOG = "watchdog";

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    /**
     * Takes the role, or renews it, until {@code until}: succeeds when nobody holds it, this node holds it, or the
     * holder's time ran out at {@code now}. One conditional update, so two nodes never both succeed.
     */
    public boolean acquire(String name, UUID node, Instant now, Instant until) {
        return em.createQuery("update LockEntity l set l.holder = :me, l.until = :until where l.name = :name "
                        + "and (l.holder is null or l.holder = :me or l.until < :now)")
                .setParameter("me", node.toString()).setParameter("until", DbTime.of(until))
                .setParameter("name", name).setParameter("now", DbTime.of(now)).executeUpdate() == 1;
    }
}
