/**
 * JSON and query parameters in: request bodies read by the API itself (size limit, content type, our own
 * {@code malformed_json}) and turned into the facade's arguments, rejecting bad input with a 4xx problem.
 */
package io.squidmesh.web.request;
