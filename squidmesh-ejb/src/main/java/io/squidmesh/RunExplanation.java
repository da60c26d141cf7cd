package io.squidmesh;

import java.util.List;
import java.util.Map;

/**
 * Why a run is where it is and what may be done about it (SPEC §9). {@code reason} is one of
 * {@code pending_dispatch, step_scheduled, step_running, waiting_for_dependencies, waiting_for_retry,
 * retry_exhausted, step_failed, paused_for_manual_action, paused_for_approval,
 * paused_with_missing_resume_metadata, paused_with_invalid_resume_target, paused_with_unavailable_workflow,
 * waiting_for_event, waiting_for_child, definition_changed, version_not_deployed, cancelling, cancelled,
 * completed}; {@code nextActions} are drawn from {@code wait_for_step, wait_for_dependencies, wait_for_retry,
 * wait_for_cancellation, unblock_run, approve_run, reject_run, signal_run, migrate_run, cancel_run, replay_run}; {@code evidence} holds the rows the decision was made from. Explaining never
 * changes the run.
 */
public record RunExplanation(RunStatus status, String reason, String step, Map<String, Object> details,
                             List<String> nextActions, Map<String, Object> evidence) {
}
