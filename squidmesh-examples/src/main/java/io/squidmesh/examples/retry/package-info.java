/**
 * {@code retry_verification}: a step that asks to be retried once, showing the retry policy, its backoff
 * and the {@code retrying} run status; the decision rests on the attempt number, so it survives restarts.
 */
package io.squidmesh.examples.retry;
