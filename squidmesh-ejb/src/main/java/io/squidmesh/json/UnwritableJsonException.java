package io.squidmesh.json;

import java.io.UncheckedIOException;

/** A value Jackson cannot write as JSON (an unsupported type, a cycle): retrying the write cannot help. */
public class UnwritableJsonException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    public UnwritableJsonException(String message, java.io.IOException cause) {
        super(message, cause);
    }
}
