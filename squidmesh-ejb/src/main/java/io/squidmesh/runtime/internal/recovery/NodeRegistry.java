package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.persistence.NodeEntity;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.EngineConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * This engine instance in {@code squid_mesh_nodes}: registered at deployment with a fresh id (and the transaction
 * manager's node identifier, which must differ from every other live node's), removed at undeployment, and kept
 * alive by a heartbeat every third of the lease length ({@link EngineConfig#leaseRenewal()}, at most 10 s) that
 * also aligns the engine's clock with the database's and renews the leases of what this node executes
 * ({@link Leases}).
 * <p>
 * It answers, for the rest of the engine: who am I ({@link #self}), what is known of another node
 * ({@link #holder}), and, for work that lives inside one JVM (a Jakarta Batch job), is that node gone
 * ({@link #isGone}).
 * <p>
 * Bean-managed concurrency: a heartbeat that waits for an unreachable database must not hold a lock that every
 * delivery asking {@link #id()} would queue behind.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NodeRegistry {

    /** A node whose heartbeat is older than this is gone (for batch jobs, which have no lease). */
    static final Duration GONE_AFTER = Duration.ofMinutes(1);
    private static final Duration MAX_HEARTBEAT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(NodeRegistry.class.getName());

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @EJB
    NodeHeartbeat heartbeat;

    @Inject
    Leases leases;

    @Inject
    EngineConfig config;

    @Resource
    TimerService timers;

    private final UUID id = UUID.randomUUID();
    private final String name = nodeName();
    private final String txNode = TransactionNodeId.read().orElse(null);
    private volatile Instant startedAt;
    private volatile boolean failing;

    @PostConstruct
    void register() {
        Duration offset = heartbeat.alignClock();
        startedAt = Clocks.now();
        heartbeat.register(id, name, txNode, GONE_AFTER);
        Duration period = heartbeatPeriod();
        timers.createIntervalTimer(period.toMillis(), period.toMillis(), new TimerConfig("squidmesh-heartbeat", false));
        LOG.info(() -> "Squid Mesh node " + name + " registered as " + id + (txNode == null ? ""
                : " (transaction node " + txNode + ")") + "; database clock offset " + offset.toMillis() + " ms");
    }

    /**
     * Removes this node's row, so that other nodes take what it leaves over at once. Written here, not through
     * {@link NodeHeartbeat}: calling another bean of the deployment from a destroy callback hangs when the
     * deployment failed to start (the call waits for a startup that never completes).
     */
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void unregister() {
        NodeEntity self = em.find(NodeEntity.class, id);
        if (self != null) {
            em.remove(self);
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat(Timer timer) {
        RuntimeException failure = heartbeat.beat(id, name, txNode, startedAt, leases.attempts(), leases.compensations(),
                config.leaseTtl());
        if (failure == null && failing) {
            failing = false;
            LOG.info(() -> "Squid Mesh node " + name + ": heartbeat written again");
        } else if (failure != null && !failing) { // one line per outage, not one per beat
            failing = true;
            LOG.warning(() -> "Squid Mesh node " + name + ": heartbeat failed (" + rootCause(failure) + "); the leases"
                    + " of the work it executes lapse after " + config.leaseTtl().toMillis() + " ms without it");
        }
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    /**
     * The verdict on a claim (an attempt's or a compensation's lease) as of {@code now}: {@code heldHere} says
     * whether this node executes the claimed work right now ({@link Leases}); the holder's row is read only when
     * the lease names another node.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ClaimLiveness.Verdict judge(UUID leaseNode, Instant leaseUntil, boolean heldHere, Instant now) {
        boolean mine = id.equals(leaseNode);
        return ClaimLiveness.of(leaseNode, leaseUntil, now, new ClaimLiveness.Self(id, name, mine && heldHere),
                mine ? ClaimLiveness.Holder.UNKNOWN : holder(leaseNode));
    }

    /** What the database says of the node holding a lease. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ClaimLiveness.Holder holder(UUID node) {
        if (node == null) {
            return ClaimLiveness.Holder.UNKNOWN;
        }
        NodeEntity other = em.find(NodeEntity.class, node);
        return other == null ? ClaimLiveness.Holder.UNKNOWN : new ClaimLiveness.Holder(true, other.getName());
    }

    /**
     * Whether the node that started in-JVM work is gone: its row is missing, it carries this node's name with
     * another id (this server's previous life), or its heartbeat is older than {@link #GONE_AFTER}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isGone(UUID node) {
        if (id.equals(node)) {
            return false;
        }
        NodeEntity other = em.find(NodeEntity.class, node);
        return other == null || other.getName().equals(name)
                || other.getSeenAt().isBefore(Clocks.now().minus(GONE_AFTER));
    }

    private Duration heartbeatPeriod() {
        Duration renewal = config.leaseRenewal();
        return renewal.compareTo(MAX_HEARTBEAT) < 0 ? renewal : MAX_HEARTBEAT;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** {@code squidmesh.node-name}, else WildFly's {@code jboss.node.name}, else the host name. */
    private static String nodeName() {
        return ConfigProvider.getConfig().getOptionalValue("squidmesh.node-name", String.class)
                .or(() -> Optional.ofNullable(System.getProperty("jboss.node.name")))
                .orElseGet(() -> {
                    try {
                        return InetAddress.getLocalHost().getHostName();
                    } catch (UnknownHostException e) {
                        return "node";
                    }
                });
    }
}
