package io.squidmesh;

/**
 * The two roles of the API: viewers read runs and workflows; operators also start, cancel, replay,
 * unblock, approve and reject. Map them to your users or groups in the server's security realm.
 */
public final class Roles {

    /** Reads runs, workflows and bulk jobs. */
    public static final String VIEWER = "squidmesh-viewer";
    /** Also starts, cancels, replays, unblocks, approves and rejects runs, and runs bulk jobs. */
    public static final String OPERATOR = "squidmesh-operator";

    private Roles() {
    }
}
