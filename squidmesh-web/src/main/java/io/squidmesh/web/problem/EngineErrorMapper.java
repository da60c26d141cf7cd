package io.squidmesh.web.problem;

import io.squidmesh.SquidMeshException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Engine errors by their code: {@code not_found} 404, {@code invalid_payload} 422, ... (see {@link ProblemCatalogue}). */
@Provider
public class EngineErrorMapper implements ExceptionMapper<SquidMeshException> {

    @Override
    public Response toResponse(SquidMeshException e) {
        return ProblemResponses.of(Problems.fromEngine(e));
    }
}
