package io.squidmesh.web.resource;

import io.squidmesh.Roles;
import io.squidmesh.web.json.JsonResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who is calling and which Squid Mesh roles they hold; the dashboard shows operator buttons from it. */
@Path("/me")
@RequestScoped
public class MeResource {

    @GET
    public Response me(@Context SecurityContext security) {
        Principal user = security.getUserPrincipal();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", user == null ? null : user.getName());
        json.put("roles", List.of(Roles.VIEWER, Roles.OPERATOR).stream().filter(security::isUserInRole).toList());
        return JsonResponses.ok(json);
    }
}
