/**
 * {@code order_fulfilment} and {@code shipment}: a parent run that starts a shipment as its child run and goes on
 * with the shipment's result when it ends.
 */
package io.squidmesh.examples.fulfilment;
