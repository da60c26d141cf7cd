package io.squidmesh;

import java.util.Map;

/** A paging cursor that this API did not produce ({@code invalid_cursor}). */
public class InvalidCursorException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A bad cursor.
     *
     * @param cursor the cursor as given
     */
    public InvalidCursorException(String cursor) {
        super("invalid_cursor", "cursor '" + cursor + "' is not a cursor returned by listRuns",
                Map.of("cursor", String.valueOf(cursor)));
    }
}
