package io.squidmesh.runtime.internal.query;

import io.squidmesh.InvalidCursorException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** The keyset position of a run in the newest-first listing, as an opaque URL-safe token. */
public record RunCursor(Instant insertedAt, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, insertedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static RunCursor decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            return new RunCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new InvalidCursorException(token);
        }
    }
}
