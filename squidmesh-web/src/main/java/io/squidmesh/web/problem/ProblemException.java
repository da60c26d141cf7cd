package io.squidmesh.web.problem;

/** Thrown by the web layer's own checks (request bodies, query parameters); answered as its {@link Problem}. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final boolean closeConnection;

    public ProblemException(Problem problem) {
        this(problem, false);
    }

    /** @param closeConnection whether the answer closes the connection (e.g. after a body too large to read) */
    public ProblemException(Problem problem, boolean closeConnection) {
        super(problem.detail());
        this.problem = problem;
        this.closeConnection = closeConnection;
    }

    public Problem problem() {
        return problem;
    }

    public boolean closeConnection() {
        return closeConnection;
    }
}
