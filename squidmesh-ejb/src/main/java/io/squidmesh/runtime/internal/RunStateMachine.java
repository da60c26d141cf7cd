package io.squidmesh.runtime.internal;

import io.squidmesh.RunStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.squidmesh.RunStatus.CANCELLED;
import static io.squidmesh.RunStatus.CANCELLING;
import static io.squidmesh.RunStatus.COMPLETED;
import static io.squidmesh.RunStatus.FAILED;
import static io.squidmesh.RunStatus.PAUSED;
import static io.squidmesh.RunStatus.PENDING;
import static io.squidmesh.RunStatus.RETRYING;
import static io.squidmesh.RunStatus.RUNNING;

/** The run status transitions allowed by SPEC §6.1; everything else is rejected. */
public final class RunStateMachine {

    private static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(RUNNING, FAILED, CANCELLED),
            RUNNING, EnumSet.of(RETRYING, PAUSED, FAILED, COMPLETED, CANCELLING),
            RETRYING, EnumSet.of(RUNNING, FAILED, CANCELLING),
            PAUSED, EnumSet.of(RUNNING, FAILED, COMPLETED, CANCELLED),
            CANCELLING, EnumSet.of(CANCELLED, FAILED),
            FAILED, EnumSet.noneOf(RunStatus.class),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class));

    private RunStateMachine() {
    }

    public static boolean allows(RunStatus from, RunStatus to) {
        return ALLOWED.get(from).contains(to);
    }
}
