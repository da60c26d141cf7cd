package io.squidmesh;

import java.util.List;
import java.util.Map;

/**
 * A replay would pass completed irreversible or non-compensatable steps ({@code unsafe_replay}).
 * {@link #details()} lists them under {@code steps}; replay with {@code allowIrreversible} to go ahead.
 */
public class UnsafeReplayException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /** The message, also in {@link #details()} under {@code message}. */
    public static final String MESSAGE =
            "replay requires explicit approval after irreversible or non-compensatable steps";

    /**
     * A refused replay.
     *
     * @param steps the completed irreversible or non-compensatable steps, one map each
     */
    public UnsafeReplayException(List<Map<String, Object>> steps) {
        super("unsafe_replay", MESSAGE, Map.of("message", MESSAGE, "steps", steps));
    }
}
