/**
 * The JAX-RS resources of {@code /squidmesh/api} (DESIGN §8). Each method is a thin step from HTTP to one
 * {@code SquidMesh} call; roles are enforced by {@code web.xml} and again by the facade itself.
 */
package io.squidmesh.web.resource;
