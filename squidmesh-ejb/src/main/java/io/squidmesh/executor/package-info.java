/**
 * The executor SPI: how runnable work leaves the engine and comes back to {@code Runner.perform}.
 * The engine owns state and retry decisions; an {@link io.squidmesh.executor.Executor} owns queueing,
 * delayed delivery and redelivery (the JMS implementation lives in {@code squidmesh-jms-executor}).
 */
package io.squidmesh.executor;
