/**
 * JSON encoding shared by persistence, payloads and the REST layer: one Jackson configuration so
 * stored maps, JMS bodies and API responses agree on numbers, timestamps and key order.
 */
package io.squidmesh.json;
