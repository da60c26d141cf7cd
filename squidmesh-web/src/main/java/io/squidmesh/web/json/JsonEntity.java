package io.squidmesh.web.json;

/**
 * A response body already shaped as JSON values (maps, lists, strings, numbers, booleans, null). Only
 * {@link JsonEntityWriter} writes it, whatever JSON provider the server ships.
 */
public record JsonEntity(Object value) {
}
