package io.squidmesh.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root: {@code /squidmesh/api}. */
@ApplicationPath("/api")
public class OperatorApi extends Application {
}
