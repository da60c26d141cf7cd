package io.squidmesh.examples.starts;

import io.squidmesh.Roles;
import io.squidmesh.RunStart;
import io.squidmesh.SquidMesh;
import io.squidmesh.StartOptions;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts one {@code saga_checkout} per order however often the order arrives: the order id is the run key, so a
 * message delivered twice, or a client retrying after a timeout, finds the run the first arrival started.
 */
@Stateless
@PermitAll
@RunAs(Roles.OPERATOR)
public class OrderIntake {

    private static final Logger LOG = Logger.getLogger(OrderIntake.class.getName());

    @Inject
    SquidMesh squidMesh;

    /** Starts the order's checkout, or answers the one already started for it. */
    public RunStart checkout(String orderId, Map<String, Object> payload) {
        // tag::start[]
        RunStart start = squidMesh.startRun("saga_checkout", payload, StartOptions.key("order-" + orderId));
        if (!start.created()) {
            LOG.info(() -> "order " + orderId + " arrived again; its run is " + start.run().id());
        }
        return start;
        // end::start[]
    }
}
