package io.squidmesh.samples.hello;

// tag::starter[]
import io.squidmesh.Roles;
import io.squidmesh.Run;
import io.squidmesh.SquidMesh;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * The application's own entry point to its workflow. The SquidMesh facade checks roles on every call;
 * this bean has no caller of its own to pass on (its callers are anonymous web requests here), so it
 * calls as squidmesh-operator. A bean whose callers log in would leave out @RunAs.
 */
@Stateless
@PermitAll
@RunAs(Roles.OPERATOR)
public class HelloRuns {

    @Inject
    SquidMesh squidMesh;

    /** Starts a run; it is committed (and its first step queued) when this method returns. */
    public Run greet(String name) {
        return squidMesh.startRun(HelloWorkflow.class, Map.of("name", name));
    }

    public Run find(String runId) {
        return squidMesh.inspectRun(runId);
    }
}
// end::starter[]
