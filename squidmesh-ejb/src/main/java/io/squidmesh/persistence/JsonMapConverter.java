package io.squidmesh.persistence;

import io.squidmesh.json.Json;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Map;

/**
 * Stores a JSON object column ({@code jsonb} on PostgreSQL, text on H2) as a {@code Map}.
 * Entities always replace these maps instead of mutating them, so dirty checking sees every change.
 */
@Converter
public class JsonMapConverter implements AttributeConverter<Map<String, Object>, String> {

    @Override
    public String convertToDatabaseColumn(Map<String, Object> attribute) {
        return attribute == null ? null : Json.write(attribute);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String dbData) {
        return dbData == null ? null : Json.readObject(dbData);
    }
}
