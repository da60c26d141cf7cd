package io.squidmesh.persistence;

import jakarta.persistence.Converter;

/**
 * Stores a JSON object column ({@code jsonb} on PostgreSQL, text on H2) as a {@code Map}.
 * Entities always replace these maps instead of mutating them, so dirty checking sees every change.
 * The conversion itself lives in {@link JsonColumnConverter}, which also accepts the driver's own objects.
 */
@Converter
public class JsonMapConverter extends JsonColumnConverter<String> {
}
