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
 * deployment with the JNDI name when it does not exist instead of failing the first run later.
 */
@ApplicationScoped
public class WorkQueueLocator {

    @Inject
    @ConfigProperty(name = WorkQueue.LOOKUP_PROPERTY, defaultValue = WorkQueue.DEFAULT_LOOKUP)
    String lookup;

    private Queue queue;

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

    public String lookup() {
        return lookup;
    }
}
