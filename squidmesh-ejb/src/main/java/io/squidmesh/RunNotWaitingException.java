package io.squidmesh;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event was sent to a run that has ended, so no step of it will ever take the event ({@code run_not_waiting}):
 * it is refused rather than kept for nobody.
 */
public class RunNotWaitingException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * An event for a finished run.
     *
     * @param runId the run
     * @param status its status
     * @param event the event's name
     */
    public RunNotWaitingException(String runId, RunStatus status, String event) {
        super("run_not_waiting", "run " + runId + " is " + status.value() + " and takes no more events (event "
                + event + ")", details(runId, status, event));
    }

    private static Map<String, Object> details(String runId, RunStatus status, String event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run_id", runId);
        details.put("run_status", status.value());
        details.put("event", event);
        return details;
    }
}
