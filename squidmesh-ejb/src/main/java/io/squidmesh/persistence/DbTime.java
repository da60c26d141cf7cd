package io.squidmesh.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
}
