package io.squidmesh.web;

import jakarta.security.jacc.WebResourcePermission;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerProblemServletTest {

    @Test
    void theAuthorizationCheckFailingOnAColonIsARoleRefusal() {
        // what the server's authorization manager builds for a caller whose roles the constraint refused
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new WebResourcePermission("/api/runs/a:b/cancel", "POST"));
        assertTrue(ContainerProblemServlet.refusedByRoleAtAColon(thrown));
        assertTrue(ContainerProblemServlet.refusedByRoleAtAColon(new IllegalStateException("wrapped", thrown)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ContainerProblemServlet.refusedByRoleAtAColon(new IllegalArgumentException("invalid URLPatternSpec")));
        assertFalse(ContainerProblemServlet.refusedByRoleAtAColon(new NullPointerException()));
        assertFalse(ContainerProblemServlet.refusedByRoleAtAColon(null));
        assertFalse(ContainerProblemServlet.refusedByRoleAtAColon("not a throwable"));
    }
}
