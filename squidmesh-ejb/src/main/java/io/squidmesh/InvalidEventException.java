package io.squidmesh;

import java.util.Map;

/**
 * An event the engine cannot accept ({@code invalid_event}): a blank or overlong name or idempotency key, or a
 * payload the database could not store. {@code field} names the part at fault.
 */
public class InvalidEventException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A refused event.
     *
     * @param field the part at fault: {@code event}, {@code idempotency_key} or a path into {@code payload}
     * @param why what is wrong with it
     */
    public InvalidEventException(String field, String why) {
        super("invalid_event", field + " " + why, Map.of("field", field, "reason", why));
    }
}
