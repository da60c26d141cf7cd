package io.squidmesh.runtime.internal;

import io.squidmesh.persistence.DbTime;
import io.squidmesh.persistence.NodeEntity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * This engine instance in {@code squid_mesh_nodes}: registered at deployment with a fresh id, refreshed by a
 * heartbeat, removed at undeployment. It answers one question for work that lives inside a JVM (a Jakarta Batch
 * job): is the node that started it gone? A node is gone when its row is missing, when its heartbeat is older
 * than {@link #GONE_AFTER}, or when it has this node's name but another id (one name runs one server at a time,
 * so that is this server's previous life, before a crash).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class NodeRegistry {

    /** Six missed heartbeats. */
    static final Duration GONE_AFTER = Duration.ofMinutes(1);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(NodeRegistry.class.getName());

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    private final UUID id = UUID.randomUUID();
    private final String name = nodeName();

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void register() {
        em.persist(new NodeEntity(id, name, Clocks.now()));
        LOG.info(() -> "Squid Mesh node " + name + " registered as " + id);
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void unregister() {
        NodeEntity self = em.find(NodeEntity.class, id);
        if (self != null) {
            em.remove(self);
        }
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void heartbeat() {
        Instant now = Clocks.now();
        NodeEntity self = em.find(NodeEntity.class, id);
        if (self == null) { // removed by hand, or forgotten after a long database outage: register again
            em.persist(new NodeEntity(id, name, now));
        } else {
            self.setSeenAt(now);
        }
        em.createQuery("DELETE FROM NodeEntity n WHERE n.seenAt < :before")
                .setParameter("before", DbTime.of(now.minus(FORGET_AFTER))).executeUpdate();
    }

    @Lock(LockType.READ)
    public UUID id() {
        return id;
    }

    @Lock(LockType.READ)
    public String name() {
        return name;
    }

    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isGone(UUID node) {
        if (id.equals(node)) {
            return false;
        }
        NodeEntity other = em.find(NodeEntity.class, node);
        return other == null || other.getName().equals(name)
                || other.getSeenAt().isBefore(Clocks.now().minus(GONE_AFTER));
    }

    /** {@code squidmesh.node-name}, else WildFly's {@code jboss.node.name}, else the host name. */
    private static String nodeName() {
        return ConfigProvider.getConfig().getOptionalValue("squidmesh.node-name", String.class)
                .or(() -> java.util.Optional.ofNullable(System.getProperty("jboss.node.name")))
                .orElseGet(() -> {
                    try {
                        return InetAddress.getLocalHost().getHostName();
                    } catch (UnknownHostException e) {
                        return "node";
                    }
                });
    }
}
