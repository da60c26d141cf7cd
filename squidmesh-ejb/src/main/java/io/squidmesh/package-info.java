/**
 * The public face of Squid Mesh: the injectable {@link io.squidmesh.SquidMesh} facade, the values it
 * returns ({@link io.squidmesh.Run}, {@link io.squidmesh.StepRun}, {@link io.squidmesh.RunExplanation}, ...)
 * and the typed exceptions it throws, each with the stable error code of the original engine.
 */
package io.squidmesh;
