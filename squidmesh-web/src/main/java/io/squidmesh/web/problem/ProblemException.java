package io.squidmesh.web.problem;

/** Thrown by the web layer's own checks (request bodies, query parameters); answered as its {@link Problem}. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
