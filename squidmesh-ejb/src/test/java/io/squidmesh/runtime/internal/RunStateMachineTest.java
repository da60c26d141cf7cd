package io.squidmesh.runtime.internal;

import io.squidmesh.RunStatus;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertEquals;

/** SPEC §6.1's run state machine, every pair of statuses: the allowed moves, and every other one refused. */
class RunStateMachineTest {

    /** The table as SPEC states it, written out again here so that a change to either is seen. */
    private static final Map<RunStatus, Set<RunStatus>> SPEC = Map.of(
            PENDING, EnumSet.of(RUNNING, FAILED, CANCELLED),
            RUNNING, EnumSet.of(RETRYING, PAUSED, FAILED, COMPLETED, CANCELLING),
            RETRYING, EnumSet.of(RUNNING, FAILED, CANCELLING),
            PAUSED, EnumSet.of(RUNNING, FAILED, COMPLETED, CANCELLED),
            CANCELLING, EnumSet.of(CANCELLED, FAILED),
            FAILED, EnumSet.noneOf(RunStatus.class),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class));

    @Test
    void everyPairOfStatusesIsAllowedExactlyWhenTheSpecAllowsIt() {
        int allowed = 0;
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                boolean expected = SPEC.get(from).contains(to);
                assertEquals(expected, RunStateMachine.allows(from, to), from.value() + " -> " + to.value());
                allowed += expected ? 1 : 0;
            }
        }
        assertEquals(17, allowed, "the moves SPEC allows");
    }

    @Test
    void terminalStatusesAreLeftForNothingAndNothingStaysWhereItIs() {
        for (RunStatus from : EnumSet.of(FAILED, COMPLETED, CANCELLED)) {
            for (RunStatus to : RunStatus.values()) {
                assertEquals(false, RunStateMachine.allows(from, to), from.value() + " -> " + to.value());
            }
        }
        for (RunStatus status : RunStatus.values()) {
            assertEquals(false, RunStateMachine.allows(status, status), status.value() + " -> itself");
        }
    }
}
