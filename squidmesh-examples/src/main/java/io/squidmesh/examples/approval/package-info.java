/**
 * {@code manual_approval}: an approval gate that stops the run until an operator approves or rejects it,
 * each decision leading down its own transition with the decision in the run's audit trail.
 */
package io.squidmesh.examples.approval;
