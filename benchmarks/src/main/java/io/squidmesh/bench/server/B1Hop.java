package io.squidmesh.bench.server;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * B1, the floor: one hop of a raw chain. In one container-managed XA transaction it receives a message, makes one
 * JPA update (through the engine's own persistence unit and datasource) and sends the next message with the
 * same pooled XA connection factory the engine uses. Same consumer count as the engine's MDB (8).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = B1Hop.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class B1Hop implements MessageListener {

    public static final String QUEUE = "java:global/bench/B1Queue";

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Override
    public void onMessage(Message message) {
        try {
            long now = System.currentTimeMillis();
            int chain = message.getIntProperty("chain");
            em.createNativeQuery("UPDATE bench_b1 SET hops = hops + 1, updated_at = now() WHERE chain = ?1")
                    .setParameter(1, chain).executeUpdate();
            if (B1State.measuring) {
                B1State.hops.incrementAndGet();
                B1State.latencies.add(now - message.getJMSTimestamp());
            }
            if (B1State.running) {
                jms.createProducer().setProperty("chain", chain).send(queue, "hop");
            } else {
                B1State.ended.incrementAndGet();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
