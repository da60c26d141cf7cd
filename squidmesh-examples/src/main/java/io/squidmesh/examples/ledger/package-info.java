/**
 * {@code local_ledger_checkout}: a {@code transactional()} step whose writes to the host's own table commit
 * with the step's completion, or roll back with its failure.
 */
package io.squidmesh.examples.ledger;
