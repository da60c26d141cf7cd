package io.squidmesh;

import java.util.Map;

/** The run key is not one the engine accepts ({@code invalid_run_key}): see {@link StartOptions}. */
public class InvalidRunKeyException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A refused run key.
     *
     * @param why what is wrong with it
     */
    public InvalidRunKeyException(String why) {
        super("invalid_run_key", "run key " + why, Map.of("field", "key", "reason", why));
    }
}
