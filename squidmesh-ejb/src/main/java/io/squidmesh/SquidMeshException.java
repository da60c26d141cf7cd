package io.squidmesh;

import jakarta.ejb.ApplicationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every error the {@link SquidMesh} API reports. {@link #code()} is the stable error code of the
 * original engine ({@code not_found}, {@code invalid_payload}, ...) and {@link #details()} its structured
 * detail; both are what the REST API returns. Thrown through an EJB it rolls the transaction back, so a
 * failed call leaves nothing half-written.
 */
@ApplicationException(rollback = true, inherited = true)
public class SquidMeshException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The stable error code. */
    private final String code;
    private final transient Map<String, Object> details;

    /**
     * An error without details.
     *
     * @param code the stable error code
     * @param message the human-readable message
     */
    public SquidMeshException(String code, String message) {
        this(code, message, Map.of());
    }

    /**
     * An error with structured details.
     *
     * @param code the stable error code
     * @param message the human-readable message
     * @param details the structured detail, copied
     */
    public SquidMeshException(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * The stable error code of the original engine.
     *
     * @return the code, e.g. {@code not_found}
     */
    public String code() {
        return code;
    }

    /**
     * The structured detail, as the REST API returns it; empty after deserialization, as it is not serialized.
     *
     * @return the unmodifiable detail map, never {@code null}
     */
    public Map<String, Object> details() {
        return details == null ? Map.of() : details;
    }
}
