/**
 * The JMS executor: every unit of work is one persistent JSON text message on the Squid Mesh queue,
 * sent through the container's XA connection factory inside the caller's JTA transaction, delayed
 * with JMS delivery delay, and delivered by a message-driven bean to {@code Runner.perform}.
 */
package io.squidmesh.jms;
