/**
 * {@code saga_checkout}: saga compensation; when a later step fails the run for good, the completed steps'
 * {@code compensate} callbacks undo them, newest first.
 */
package io.squidmesh.examples.saga;
