package io.squidmesh.examples.webhook;

import io.squidmesh.Roles;
import io.squidmesh.RunEvent;
import io.squidmesh.SquidMesh;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Host code receiving the payment provider's webhook: it hands the confirmation to the order's run. The order's
 * run key finds the run, and the provider's own event id is the idempotency key, so the provider delivering the
 * same webhook twice confirms the payment once.
 */
@Stateless
@PermitAll
@RunAs(Roles.OPERATOR)
public class ProviderWebhooks {

    @Inject
    SquidMesh squidMesh;

    /** Passes a {@code payment_confirmed} webhook to the run started with the key {@code order-<orderId>}. */
    public RunEvent paymentConfirmed(String orderId, String providerEventId, Map<String, Object> body) {
        // tag::signal[]
        return squidMesh.signalRunByKey("payment_webhook", "order-" + orderId, "payment_confirmed", body,
                providerEventId);
        // end::signal[]
    }
}
