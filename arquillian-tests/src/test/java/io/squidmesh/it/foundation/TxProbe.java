package io.squidmesh.it.foundation;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a run row through the engine's persistence unit and sends a JMS message through the
 * platform's default (XA) connection factory, in one container transaction.
 */
@Stateless
@JMSDestinationDefinition(name = TxProbe.QUEUE, interfaceName = "jakarta.jms.Queue", destinationName = "squidmesh-it-probe")
public class TxProbe {

    static final String QUEUE = "java:app/squidmesh-it/ProbeQueue";

    public enum Ending { COMMIT, SET_ROLLBACK_ONLY, THROW }

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Resource
    SessionContext session;

    public void writeRowAndSend(UUID id, Ending ending) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.persist(new RunEntity(id, "xa_probe", "manual", RunStatus.PENDING, Map.of("probe", id.toString()), Map.of(),
                null, null, now));
        em.flush(); // the row reaches the database before the send, as in the engine's dispatch
        jms.createProducer().send(queue, id.toString());
        switch (ending) {
            case SET_ROLLBACK_ONLY -> session.setRollbackOnly();
            case THROW -> throw new IllegalStateException("probe failure after write and send");
            case COMMIT -> { }
        }
    }

    public boolean rowExists(UUID id) {
        return em.find(RunEntity.class, id) != null;
    }

    public List<String> queuedBodies() throws Exception {
        List<String> bodies = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(queue)) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                bodies.add(((TextMessage) messages.nextElement()).getText());
            }
        }
        return bodies;
    }
}
