/**
 * Internal: cron activations delivered by the executor: a delivered activation starts its workflow's run once per
 * window ({@code CronDelivery}, {@code CronStarter}). The timers themselves belong to the executor.
 */
package io.squidmesh.runtime.internal.cron;
