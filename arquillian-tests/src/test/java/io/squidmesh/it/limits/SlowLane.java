package io.squidmesh.it.limits;

import io.squidmesh.jms.WorkDelivery;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.MessageListener;

// tag::lane[]
/**
 * The consumers of the queue {@code slow}: two at most, whatever the default queue has. The queue is defined by the
 * application here (it appears, and can be paused, under the deployment in the console); a production server creates
 * it with the CLI instead, and then only the bean is needed.
 */
@JMSDestinationDefinition(name = "java:global/squidmesh/jms/queue/slow", interfaceName = "jakarta.jms.Queue",
        destinationName = "squidmesh-slow")
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup",
                propertyValue = "java:global/squidmesh/jms/queue/slow"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class SlowLane extends WorkDelivery implements MessageListener { // the MDB must name its interface
}
// end::lane[]
