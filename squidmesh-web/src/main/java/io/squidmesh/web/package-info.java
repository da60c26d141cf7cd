/**
 * The operator surface: a JAX-RS API under {@code /squidmesh/api} over the {@code SquidMesh} facade,
 * and the static dashboard. Uses only the public API of the engine.
 */
package io.squidmesh.web;
