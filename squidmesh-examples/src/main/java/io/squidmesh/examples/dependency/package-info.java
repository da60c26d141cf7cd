/**
 * {@code dependency_recovery}: a dependency-mode workflow, two roots that run in parallel and a join that
 * runs once both have completed; no transitions.
 */
package io.squidmesh.examples.dependency;
