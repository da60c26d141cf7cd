package io.squidmesh.web.resource;

import io.squidmesh.web.json.JsonResponses;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Health for load balancers and the run command; public by design. {@code UP} when the database the engine
 * uses (the server's default datasource, as in the engine's persistence unit) answers a validity check
 * within {@value #TIMEOUT_SECONDS} s, else 503 {@code DOWN}. The reason stays in the server log.
 */
@Path("/health")
@RequestScoped
public class HealthResource {

    private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @GET
    public Response health() {
        boolean databaseUp = databaseAnswers();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", databaseUp ? "UP" : "DOWN");
        json.put("database", databaseUp ? "UP" : "DOWN");
        return JsonResponses.json(Response.status(databaseUp ? 200 : 503), "application/json", json);
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "health check: the database does not answer", e);
            return false;
        }
    }
}
