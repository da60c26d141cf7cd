package io.squidmesh.persistence;

import io.squidmesh.json.Json;
import io.squidmesh.json.StorableJson;
import jakarta.persistence.AttributeConverter;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.Map;

/**
 * Maps a JSON object column to a {@code Map}, whatever object the provider hands over for the column value.
 * Hibernate reads the column as the converter's database type {@code D} ({@code String}); EclipseLink (Payara)
 * passes what the driver returns, which for a PostgreSQL {@code jsonb} column is a {@code PGobject}. The
 * database type is a type parameter on purpose: its erasure is {@code Object}, so no cast to {@code String}
 * is compiled into {@link #convertToEntityAttribute} and the value's text is taken here instead.
 */
public abstract class JsonColumnConverter<D> implements AttributeConverter<Map<String, Object>, D> {

    @Override
    @SuppressWarnings("unchecked")
    public D convertToDatabaseColumn(Map<String, Object> attribute) {
        if (attribute == null) {
            return null;
        }
        String json = Json.write(attribute);
        if (json.contains("\\u0000")) {
            // the last line of defence: step outputs and payloads with U+0000 are refused before they get here
            // (StorableJson.problem); anything else the engine writes (an error message quoting a response) is
            // stored with U+FFFD in its place rather than refused by PostgreSQL on every try
            json = Json.write(StorableJson.sanitize(attribute));
        }
        return (D) json;
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(D dbData) {
        return dbData == null ? null : Json.readObject(text(dbData));
    }

    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Clob clob) {
            try (Reader reader = clob.getCharacterStream()) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a JSON column: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value.toString(); // org.postgresql.util.PGobject: its value
    }
}
