package io.squidmesh.runtime.internal.recovery;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The transaction manager's node identifier of this server, where the server tells it: WildFly publishes its
 * transactions subsystem over JMX ({@code jboss.as:subsystem=transactions}, attribute {@code nodeIdentifier});
 * elsewhere the system property {@code jboss.tx.node.id} is used if set. Empty when neither says (Payara, whose
 * recovery is per instance name).
 */
final class TransactionNodeId {

    private TransactionNodeId() {
    }

    static Optional<String> read() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName transactions = new ObjectName("jboss.as:subsystem=transactions");
            if (server.isRegistered(transactions)) {
                Object value = server.getAttribute(transactions, "nodeIdentifier");
                if (value != null && !value.toString().isBlank()) {
                    return Optional.of(value.toString());
                }
            }
        } catch (Exception | LinkageError e) {
            // not WildFly, or the attribute moved: fall back to the property below
        }
        return Optional.ofNullable(System.getProperty("jboss.tx.node.id")).filter(v -> !v.isBlank());
    }
}
