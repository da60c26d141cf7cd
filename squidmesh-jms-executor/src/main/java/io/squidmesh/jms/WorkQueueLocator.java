package io.squidmesh.jms;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Resolves the work queue once per deployment from {@value WorkQueue#LOOKUP_PROPERTY}, failing the
 * deployment with the JNDI name when it does not exist instead of failing the first run later; and the named queues
 * of workflows that declare one ({@code WorkflowBuilder.queue}): {@code squidmesh.queue.<name>}, by default
 * {@code java:global/squidmesh/jms/queue/<name>}, checked when the application deploys too.
 */
@ApplicationScoped
public class WorkQueueLocator {

    @Inject
    @ConfigProperty(name = WorkQueue.LOOKUP_PROPERTY, defaultValue = WorkQueue.DEFAULT_LOOKUP)
    String lookup;

    private Queue queue;

    private final java.util.Map<String, Queue> named = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void resolve() {
        try {
            queue = (Queue) new InitialContext().lookup(lookup);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("Squid Mesh work queue " + WorkQueue.LOOKUP_PROPERTY + "=" + lookup
                    + " is not a JMS queue bound in JNDI: " + e.getMessage(), e);
        }
    }

    public Queue queue() {
        return queue;
    }

    /** The named queue, or the default one for {@code null}. */
    public Queue queue(String name) {
        if (name == null) {
            return queue;
        }
        return named.computeIfAbsent(name, n -> {
            try {
                return (Queue) new InitialContext().lookup(lookup(n));
            } catch (NamingException | ClassCastException e) {
                throw new IllegalStateException("Squid Mesh queue " + n + " (" + lookup(n) + ") is not a JMS queue "
                        + "bound in JNDI: " + e.getMessage(), e);
            }
        });
    }

    /** The JNDI name of a named queue: the system property {@code squidmesh.queue.<name>}, or the convention. */
    public static String lookup(String name) {
        return System.getProperty(WorkQueue.LOOKUP_PROPERTY + "." + name, WorkQueue.NAMED_LOOKUP_PREFIX + name);
    }

    /** The default queue and the named queues resolved so far (those the deployed workflows use). */
    public java.util.List<Queue> known() {
        java.util.List<Queue> known = new java.util.ArrayList<>();
        known.add(queue);
        known.addAll(new java.util.TreeMap<>(named).values());
        return known;
    }

    public String lookup() {
        return lookup;
    }
}
