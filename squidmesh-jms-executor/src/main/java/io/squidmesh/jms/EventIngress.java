package io.squidmesh.jms;

import io.squidmesh.Roles;
import io.squidmesh.RunEvent;
import io.squidmesh.SquidMesh;
import io.squidmesh.SquidMeshException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hands event messages from the {@link EventQueue} to {@link SquidMesh#signalRun} (or {@code signalRunByKey}):
 * other systems signal runs through the broker, in the same transaction as their own work, so a sender that rolls
 * back sent nothing. The signal commits in a transaction of its own before the message is acknowledged; a message
 * delivered again after a crash stores its event once, because a message without an {@code idempotency_key} uses
 * its JMS message id as one.
 * <p>
 * A message that can never become an event (not a text message, not a JSON object, the wrong shape, a run that
 * does not exist or has ended, a name the engine refuses) goes to the dead-letter queue at once with the reason in
 * {@value Redelivery#PROPERTY_DEAD_REASON}. Anything else (the database away) is thrown back to the broker, which
 * delivers it again under the queue's address settings.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = EventQueue.DEFAULT_LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // the broker delivers without a caller; the bean calls the engine as an operator
@RunAs(Roles.OPERATOR)
public class EventIngress implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EventIngress.class.getName());

    @EJB
    SquidMesh squidMesh;

    @Inject
    Redelivery redelivery;

    @Override
    public void onMessage(Message message) {
        String id = Redelivery.originalId(message);
        Optional<Map<String, Object>> body = redelivery.jsonObject(message, id);
        if (body.isEmpty()) {
            return; // dead-lettered: it can never be an event
        }
        EventMessage.Result read = EventMessage.read(body.get());
        if (read.message() == null) {
            redelivery.deadLetter(message, id, "it is not an event message: " + read.problem());
            return;
        }
        EventMessage event = read.message();
        try {
            RunEvent stored = event.runId() != null
                    ? squidMesh.signalRun(event.runId(), event.event(), event.payload(), event.idempotencyKeyOr(id))
                    : squidMesh.signalRunByKey(event.workflow(), event.key(), event.event(), event.payload(),
                    event.idempotencyKeyOr(id));
            LOG.fine(() -> "event " + stored.event() + " from message " + id + " stored for run " + stored.runId());
        } catch (SquidMeshException e) {
            // the same message fails the same way every time: not_found, run_not_waiting, invalid_event, ...
            if ("dispatch_failed".equals(e.code())) {
                throw e; // the broker: try again later
            }
            redelivery.deadLetter(message, id, e.code() + ": " + e.getMessage());
        }
    }
}
