package io.squidmesh;

import java.util.Map;

/**
 * A manual action's attributes are wrong: {@code invalid_resume} for unblock, {@code invalid_review} for
 * approve and reject. {@link #details()} maps each field at fault to its problem ({@code actor: required|invalid},
 * {@code comment: string}, {@code metadata: map}).
 */
public class InvalidManualActionException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * Wrong manual action attributes.
     *
     * @param code {@code invalid_resume} or {@code invalid_review}
     * @param problems each field at fault, mapped to its problem
     */
    public InvalidManualActionException(String code, Map<String, Object> problems) {
        super(code, code.replace('_', ' ') + ": " + problems, Map.of("errors", problems));
    }
}
