package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.DatabaseVendor;
import io.squidmesh.persistence.DbTime;
import io.squidmesh.persistence.NodeEntity;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.OwnTransaction;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The writes of {@link NodeRegistry}, each in a transaction of its own ({@link OwnTransaction}): registering this
 * node, and the heartbeat that aligns the engine's clock with the database's, says the node lives and renews the
 * leases of the work it executes.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class NodeHeartbeat {

    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private volatile DatabaseVendor vendor;

    /** Reads the database's clock and aligns {@link Clocks#now} with it; returns the offset. */
    public Duration alignClock() {
        return OwnTransaction.run(transaction, this::align).orThrow();
    }

    private Duration align() {
        Optional<String> query = vendor().clockQuery();
        if (query.isEmpty()) {
            return Clocks.offset(); // the database keeps this JVM's time
        }
        Instant sent = Instant.now(Clocks.UTC);
        Object value = em.createNativeQuery(query.get()).getSingleResult();
        Instant received = Instant.now(Clocks.UTC);
        Instant now = DbTime.fromColumn(value);
        if (now == null) {
            throw new IllegalStateException("the database answered CURRENT_TIMESTAMP with NULL");
        }
        return Clocks.align(now, sent, received);
    }

    private DatabaseVendor vendor() {
        if (vendor == null) {
            vendor = DatabaseVendor.of(dataSource);
        }
        return vendor;
    }

    /**
     * Registers this node, refusing to start beside a live node that has the same transaction node identifier:
     * the transaction manager of each would recover, and roll back, the other's in-doubt XA branches.
     */
    public void register(UUID id, String name, String txNode, Duration goneAfter) {
        OwnTransaction.run(transaction, () -> {
            insert(id, name, txNode, goneAfter);
            return null;
        }).orThrow();
    }

    private void insert(UUID id, String name, String txNode, Duration goneAfter) {
        Instant now = Clocks.now();
        if (txNode != null) {
            List<NodeEntity> twins = em.createQuery("select n from NodeEntity n where n.txNode = :tx and n.name <> :name "
                            + "and n.seenAt > :since", NodeEntity.class)
                    .setParameter("tx", txNode).setParameter("name", name)
                    .setParameter("since", DbTime.of(now.minus(goneAfter))).getResultList();
            if (!twins.isEmpty()) {
                NodeEntity twin = twins.get(0);
                throw new IllegalStateException("Squid Mesh node " + name + " cannot start: the live node " + twin.getName()
                        + " (seen " + twin.getSeenAt() + ") has the same transaction node identifier '" + txNode
                        + "', so each would roll back the other's in-doubt XA transactions during recovery. Give every"
                        + " node its own identifier (WildFly: -Djboss.tx.node.id=<unique, at most 23 bytes> with"
                        + " configure-node.cli, or /subsystem=transactions:write-attribute(name=node-identifier,...)).");
            }
        }
        em.persist(new NodeEntity(id, name, txNode, now));
    }

    /**
     * One heartbeat: clock alignment, {@code seen_at}, the leases of {@code attempts} and {@code compensations}
     * (only those still running under this node's claim), and a warning when another server runs under this name.
     *
     * @return null when it was written, else why not
     */
    public RuntimeException beat(UUID id, String name, String txNode, Instant startedAt, List<UUID> attempts,
                                 List<UUID> compensations, Duration leaseTtl) {
        return OwnTransaction.run(transaction, () -> {
            write(id, name, txNode, startedAt, attempts, compensations, leaseTtl);
            return null;
        }).failure();
    }

    private void write(UUID id, String name, String txNode, Instant startedAt, List<UUID> attempts,
                       List<UUID> compensations, Duration leaseTtl) {
        align();
        Instant now = Clocks.now();
        NodeEntity self = em.find(NodeEntity.class, id);
        if (self == null) { // removed by hand, or forgotten after a long database outage: register again
            em.persist(new NodeEntity(id, name, txNode, now));
        } else {
            self.setSeenAt(now);
        }
        Instant until = now.plus(leaseTtl);
        for (int from = 0; from < attempts.size(); from += CHUNK) {
            List<UUID> chunk = attempts.subList(from, Math.min(attempts.size(), from + CHUNK));
            em.createQuery("update StepAttemptEntity a set a.leaseUntil = :until where a.id in :ids "
                            + "and a.leaseNode = :me and a.status = :running and a.leaseUntil is not null "
                            + "and (a.deadlineAt is null or a.deadlineAt >= :until)")
                    .setParameter("until", DbTime.of(until)).setParameter("me", id.toString())
                    .setParameter("running", AttemptStatus.RUNNING).setParameter("ids", chunk)
                    .executeUpdate();
            // an attempt with a timeout is never renewed past its deadline: once that passed, the watchdog finds it
            em.createQuery("update StepAttemptEntity a set a.leaseUntil = a.deadlineAt where a.id in :ids "
                            + "and a.leaseNode = :me and a.status = :running and a.leaseUntil is not null "
                            + "and a.deadlineAt < :until")
                    .setParameter("until", DbTime.of(until)).setParameter("me", id.toString())
                    .setParameter("running", AttemptStatus.RUNNING).setParameter("ids", chunk)
                    .executeUpdate();
        }
        for (int from = 0; from < compensations.size(); from += CHUNK) {
            em.createQuery("update RunEntity r set r.compensationUntil = :until where r.id in :ids "
                            + "and r.compensationNode = :me")
                    .setParameter("until", DbTime.of(until)).setParameter("me", id.toString())
                    .setParameter("ids", compensations.subList(from, Math.min(compensations.size(), from + CHUNK)))
                    .executeUpdate();
        }
        List<String> twins = em.createQuery("select n.id from NodeEntity n where n.name = :name and n.id <> :id "
                        + "and n.seenAt > :started", UUID.class)
                .setParameter("name", name).setParameter("id", id).setParameter("started", DbTime.of(startedAt))
                .getResultList().stream().map(UUID::toString).toList();
        if (!twins.isEmpty()) {
            LOG.severe(() -> "another server runs as Squid Mesh node " + name + " (" + twins + "): node names must be"
                    + " unique (squidmesh.node-name or jboss.node.name), or each takes the other's work over as"
                    + " a previous life of its own");
        }
        em.createQuery("delete from NodeEntity n where n.seenAt < :before")
                .setParameter("before", DbTime.of(now.minus(FORGET_AFTER))).executeUpdate();
    }
}
