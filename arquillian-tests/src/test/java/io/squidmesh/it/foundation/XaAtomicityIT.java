package io.squidmesh.it.foundation;

import io.squidmesh.it.support.Deployments;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wiring every guarantee rests on: a row written through the engine's persistence unit and a
 * message sent through the container's XA connection factory commit together and vanish together.
 */
@ExtendWith(ArquillianExtension.class)
class XaAtomicityIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTestModule(Deployments.testModule().addClasses(XaAtomicityIT.class, TxProbe.class,
                TxProbe.Ending.class));
    }

    @Inject
    TxProbe probe;

    @Test
    void rowAndMessageCommitTogether() throws Exception {
        UUID id = UUID.randomUUID();

        probe.writeRowAndSend(id, TxProbe.Ending.COMMIT);

        assertTrue(probe.rowExists(id), "committed row");
        assertTrue(probe.queuedBodies().contains(id.toString()), "committed message");
    }

    @Test
    void setRollbackOnlyDiscardsRowAndMessage() throws Exception {
        UUID id = UUID.randomUUID();

        probe.writeRowAndSend(id, TxProbe.Ending.SET_ROLLBACK_ONLY);

        assertFalse(probe.rowExists(id), "rolled-back row");
        assertFalse(probe.queuedBodies().contains(id.toString()), "rolled-back message");
    }

    @Test
    void exceptionDiscardsRowAndMessage() throws Exception {
        UUID id = UUID.randomUUID();

        assertThrows(EJBException.class, () -> probe.writeRowAndSend(id, TxProbe.Ending.THROW));

        assertFalse(probe.rowExists(id), "rolled-back row");
        assertFalse(probe.queuedBodies().contains(id.toString()), "rolled-back message");
    }
}
