package io.squidmesh.json;

/** Text that should hold a JSON object does not. The message says where parsing stopped. */
public class MalformedJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedJsonException(String message) {
        super(message);
    }
}
