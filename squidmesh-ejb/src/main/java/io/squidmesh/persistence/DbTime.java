package io.squidmesh.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The engine's timestamps as the entities store them. Entities hold {@link OffsetDateTime} (UTC), a basic type
 * of every Jakarta Persistence 3.x provider, and expose {@link Instant}: {@code Instant} only became a basic type
 * in Persistence 3.2, and EclipseLink 4.0 (Payara 6) would serialize it into the column. JPQL parameters
 * compared with these attributes go through {@link #of(Instant)} too.
 */
public final class DbTime {

    private DbTime() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Whether a deadline is set and {@code now} has reached it. */
    public static boolean reached(OffsetDateTime deadline, Instant now) {
        return deadline != null && !now.isBefore(deadline.toInstant());
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * A timestamp column of a native query, as the driver and the provider hand it over (PostgreSQL, H2; Hibernate,
     * EclipseLink): an {@code OffsetDateTime}, a {@code ZonedDateTime}, an {@code Instant}, a {@code Timestamp} or,
     * from a driver that drops the zone, a {@code LocalDateTime} in the session's zone, UTC here.
     *
     * @return the instant, or {@code null} for SQL NULL
     * @throws IllegalStateException for a value that is not a timestamp
     */
    public static Instant fromColumn(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant time) {
            return time;
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value + " (" + value.getClass().getName() + ")");
    }
}
