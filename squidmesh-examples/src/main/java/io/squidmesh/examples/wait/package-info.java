/**
 * {@code cancellable_wait}: built-in steps only, a non-blocking wait then a log line; the run sits
 * {@code running} between them, which is where a cancellation settles on the next delivery.
 */
package io.squidmesh.examples.wait;
