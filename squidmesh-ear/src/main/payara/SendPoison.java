import com.sun.messaging.ConnectionConfiguration;
import com.sun.messaging.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;

/**
 * Puts one message the engine cannot use on a Payara domain's OpenMQ queue, to see the poison-message path:
 *   java -cp PAYARA/mq/lib/imq.jar:PAYARA/glassfish/modules/jakarta.jms-api.jar SendPoison.java [QUEUE] [ADDRESS]
 * (defaults: squidmesh, mq://localhost:7676; the embedded broker's default user admin/admin).
 */
public class SendPoison {

    public static void main(String[] args) throws Exception {
        String queue = args.length > 0 ? args[0] : "squidmesh";
        String address = args.length > 1 ? args[1] : "mq://localhost:7676";
        ConnectionFactory factory = new ConnectionFactory();
        factory.setProperty(ConnectionConfiguration.imqAddressList, address);
        try (JMSContext context = factory.createContext("admin", "admin")) {
            TextMessage message = context.createTextMessage("payara-check poison: not JSON");
            message.setStringProperty("kind", "step");
            context.createProducer().send(context.createQueue(queue), message);
            System.out.println(message.getJMSMessageID());
        }
    }
}
