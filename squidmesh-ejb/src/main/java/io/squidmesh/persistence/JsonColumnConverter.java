package io.squidmesh.persistence;

import io.squidmesh.json.Json;
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
        return attribute == null ? null : (D) Json.write(attribute);
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
