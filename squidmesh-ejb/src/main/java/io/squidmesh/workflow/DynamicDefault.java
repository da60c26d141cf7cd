package io.squidmesh.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Defaults computed when a run is created, for string fields only. */
public enum DynamicDefault {
    /** The current UTC date, {@code YYYY-MM-DD}. */
    TODAY,
    /** The current UTC instant, ISO-8601. */
    NOW;

    /**
     * The default's value at this moment.
     *
     * @param clock the clock to read
     * @return the UTC date or the UTC instant (to the microsecond) as a string
     */
    public String resolve(Clock clock) {
        return switch (this) {
            case TODAY -> LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
            case NOW -> Instant.now(clock).truncatedTo(ChronoUnit.MICROS).toString();
        };
    }

    /**
     * How the default shows in definition descriptions ({@code {"dynamic": "today"}}).
     *
     * @return the lower-case name
     */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
