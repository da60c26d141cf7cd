package io.squidmesh.runtime;

import io.squidmesh.SquidMeshException;

import java.util.Map;

/**
 * A delivered payload is not one the engine produces ({@code invalid_executor_payload}): not a JSON object,
 * an unknown {@code kind}, or a field missing or of the wrong type. Redelivering it cannot help, so
 * executors should dead-letter it.
 */
public class InvalidExecutorPayloadException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    public InvalidExecutorPayloadException(String problem, Map<String, Object> payload) {
        super("invalid_executor_payload", "invalid executor payload: " + problem,
                Map.of("problem", problem, "payload", String.valueOf(payload)));
    }
}
