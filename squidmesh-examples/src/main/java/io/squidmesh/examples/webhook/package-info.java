/**
 * {@code payment_webhook}: a run that waits for the payment provider's webhook ({@code awaitEvent}) and captures
 * the payment when it confirms, or voids the authorisation when it does not come in time.
 */
package io.squidmesh.examples.webhook;
