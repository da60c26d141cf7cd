package io.squidmesh.it.support;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.RealmCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;

/**
 * The WildFly management API, as the console uses it, from inside the server: pause and resume the Squid Mesh
 * queue, count and list its messages, look into the dead-letter queue. Connects as the console user the
 * provisioning creates.
 */
public final class ServerManagement implements AutoCloseable {

    public static final String QUEUE = "squidmesh";
    public static final String DLQ = "squidmesh-dlq";

    private final ModelControllerClient client;

    private ServerManagement(ModelControllerClient client) {
        this.client = client;
    }

    public static ServerManagement connect() {
        return new ServerManagement(client());
    }

    /** A management client logged in as the console user; the caller closes it. */
    public static ModelControllerClient client() {
        try {
            return ModelControllerClient.Factory.create("remote+http",
                    InetAddress.getByName("127.0.0.1"), 9990, callbacks -> {
                        for (Callback callback : callbacks) {
                            if (callback instanceof NameCallback name) {
                                name.setName("admin");
                            } else if (callback instanceof PasswordCallback password) {
                                password.setPassword("squidmesh-admin1!".toCharArray());
                            } else if (callback instanceof RealmCallback realm) {
                                realm.setText(realm.getDefaultText());
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void pause(String queue) {
        execute(queue, "pause");
    }

    public void resume(String queue) {
        execute(queue, "resume");
    }

    /** Messages in the queue matching an Artemis filter (e.g. {@code run_id='...'}), delivering or not. */
    public long count(String queue, String filter) {
        ModelNode op = operation(queue, "count-messages");
        op.get("filter").set(filter);
        return execute(op).asLong();
    }

    /** The JMS properties of the matching messages. */
    public List<ModelNode> list(String queue, String filter) {
        ModelNode op = operation(queue, "list-messages");
        op.get("filter").set(filter);
        return execute(op).asList();
    }

    public long removeMessages(String queue, String filter) {
        ModelNode op = operation(queue, "remove-messages");
        op.get("filter").set(filter);
        return execute(op).asLong();
    }

    /** Moves the matching messages to another JMS queue (by name), as an operator does in the console. */
    public long moveMessages(String queue, String filter, String otherQueue) {
        ModelNode op = operation(queue, "move-messages");
        op.get("filter").set(filter);
        op.get("other-queue-name").set(otherQueue);
        return execute(op).asLong();
    }

    public ModelNode attribute(String queue, String name) {
        ModelNode op = operation(queue, "read-attribute");
        op.get("name").set(name);
        op.get("include-runtime").set(true);
        return execute(op);
    }

    /** Sets the transaction manager's default timeout, in seconds (applies to transactions begun afterwards). */
    public void transactionTimeout(int seconds) {
        ModelNode op = new ModelNode();
        op.get("operation").set("write-attribute");
        op.get("address").add("subsystem", "transactions");
        op.get("name").set("default-timeout");
        op.get("value").set(seconds);
        execute(op);
    }

    /** Sets (or adds) a server system property at runtime, as {@code /system-property=NAME:add|write-attribute}. */
    public void systemProperty(String name, String value) {
        ModelNode read = new ModelNode();
        read.get("operation").set("read-resource");
        read.get("address").add("system-property", name);
        ModelNode op = new ModelNode();
        op.get("address").add("system-property", name);
        try {
            boolean exists = "success".equals(client.execute(read).get("outcome").asString());
            if (exists) {
                op.get("operation").set("write-attribute");
                op.get("name").set("value");
            } else {
                op.get("operation").set("add");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        op.get("value").set(value);
        execute(op);
    }

    private ModelNode execute(String queue, String operation) {
        return execute(operation(queue, operation));
    }

    private static ModelNode operation(String queue, String name) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        ModelNode address = op.get("address");
        address.add("subsystem", "messaging-activemq");
        address.add("server", "default");
        address.add("jms-queue", queue);
        return op;
    }

    private ModelNode execute(ModelNode op) {
        try {
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("management operation failed: " + op + " -> " + result);
            }
            return result.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
