package io.squidmesh.runtime.internal;

import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose every change must commit with its caller's: it runs inside the transaction that locked the run
 * (a delivery's claim or apply, an operator's action, a watchdog look), and a call without one fails at once
 * ({@code MANDATORY}) instead of writing in a transaction of its own that would commit the state without the message
 * it implies (DESIGN G1). What it throws is the caller's to handle: a refused dispatch, say, fails the run in the
 * same transaction, so no exception marks that transaction for rollback on its way out ({@code dontRollbackOn}).
 */
@Stereotype
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InCallersTransaction {
}
