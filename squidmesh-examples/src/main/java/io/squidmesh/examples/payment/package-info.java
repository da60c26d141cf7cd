/**
 * {@code payment_recovery}: an HTTP call through the engine's tool boundary, retried with backoff, and an
 * error route labelled as compensation that issues a credit once the retries are spent.
 */
package io.squidmesh.examples.payment;
