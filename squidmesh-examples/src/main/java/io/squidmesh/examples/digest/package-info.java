/**
 * {@code daily_digest}: one graph behind two triggers, a manual one with a required payload and a cron one
 * whose payload comes from defaults alone; a built-in log step.
 */
package io.squidmesh.examples.digest;
