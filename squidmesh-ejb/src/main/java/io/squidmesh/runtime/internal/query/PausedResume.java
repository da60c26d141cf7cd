package io.squidmesh.runtime.internal.query;

import io.squidmesh.runtime.internal.RecoveryPolicies;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.Workflows;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A paused step's persisted {@code resume} metadata (SPEC §4b) read back for {@code explain_run}. The row is
 * what unblock/approve/reject will act on (SPEC §6.9), so it is judged as stored, never recomputed from the
 * current definition, and nothing about its shape is assumed.
 */
public final class PausedResume {

    static final String MISSING = "missing";
    static final String INVALID_SHAPE = "invalid_shape";

    private static final String APPROVAL = "approval";
    private static final String PAUSE = "pause";

    private final boolean approval;
    private final List<Object> rawTargets;
    private final Map<String, Object> evidence;
    private final Map<String, Object> details;

    private PausedResume(boolean approval, List<Object> rawTargets, Map<String, Object> evidence,
                         Map<String, Object> details) {
        this.approval = approval;
        this.rawTargets = rawTargets;
        this.evidence = evidence;
        this.details = details;
    }

    /**
     * The approval shape ({@code "kind": "approval"}) or the pause shape (has {@code "target"}); empty when
     * there is no resume or it has neither shape.
     */
    static Optional<PausedResume> read(Map<String, Object> resume) {
        if (resume == null) {
            return Optional.empty();
        }
        if (APPROVAL.equals(resume.get("kind"))) {
            return Optional.of(approval(resume));
        }
        if (resume.containsKey("target")) {
            return Optional.of(pause(resume));
        }
        return Optional.empty();
    }

    /** Why {@link #read} found nothing usable: {@code missing} or {@code invalid_shape}. */
    static String unusable(Map<String, Object> resume) {
        return resume == null ? MISSING : INVALID_SHAPE;
    }

    boolean isApproval() {
        return approval;
    }

    /**
     * Whether every target names {@code complete} or a step the workflow declares. A null or non-string
     * target counts as unknown: acting on it could only fail (SPEC §6.9 step 7).
     */
    boolean targetsKnownTo(Workflow workflow) {
        for (Object target : rawTargets) {
            boolean known = Workflows.COMPLETE.equals(target)
                    || target instanceof String name && workflow.step(name).isPresent();
            if (!known) {
                return false;
            }
        }
        return true;
    }

    /** {@code {kind: approval, ok, error, output_key}} or {@code {kind: pause, target, output}}. */
    Map<String, Object> evidence() {
        return evidence;
    }

    /** {@code {approval_targets: {ok, error}}} or {@code {resume_target}}, targets rendered. */
    Map<String, Object> details() {
        return details;
    }

    private static PausedResume approval(Map<String, Object> resume) {
        Object ok = resume.get("ok_target");
        Object error = resume.get("error_target");
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("ok", render(ok));
        targets.put("error", render(error));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("kind", APPROVAL);
        evidence.putAll(targets);
        evidence.put("output_key", resume.get("output_key"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approval_targets", Collections.unmodifiableMap(targets));
        return new PausedResume(true, list(ok, error), readOnly(evidence), readOnly(details));
    }

    private static PausedResume pause(Map<String, Object> resume) {
        Object target = resume.get("target");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("kind", PAUSE);
        evidence.put("target", render(target));
        evidence.put("output", resume.get("output"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resume_target", render(target));
        return new PausedResume(false, list(target), readOnly(evidence), readOnly(details));
    }

    /** The persisted {@code __complete__} shows as {@code complete}; anything else as stored. */
    private static Object render(Object target) {
        return target instanceof String name ? RecoveryPolicies.renderTarget(name) : target;
    }

    // Arrays.asList, not List.of: a malformed row may hold a null target, which must be judged, not thrown on.
    private static List<Object> list(Object... targets) {
        return Collections.unmodifiableList(Arrays.asList(targets));
    }

    private static Map<String, Object> readOnly(Map<String, Object> map) {
        return Collections.unmodifiableMap(map);
    }
}
