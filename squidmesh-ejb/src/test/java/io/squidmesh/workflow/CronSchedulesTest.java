package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.CronSchedules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cron expressions of cron triggers: parsing, next and last fire times (SPEC §4.2, §6.17). */
class CronSchedulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Friday 2024-05-10, 10:00 in New York (EDT, UTC-4). */
    private static final ZonedDateTime FRIDAY_10AM = ZonedDateTime.of(2024, 5, 10, 10, 0, 0, 0, NEW_YORK);

    private static ZonedDateTime newYork(int day, int hour, int minute) {
        return ZonedDateTime.of(2024, 5, day, hour, minute, 0, 0, NEW_YORK);
    }

    @Test
    void fiveFieldExpressionsAreValid() {
        for (String expression : List.of("0 9 * * 1-5", "*/15 * * * *", "0 0 1 1 *", "30 2 * * 0,7", "0 12 * JAN MON")) {
            assertEquals(Optional.empty(), CronSchedules.problem(expression), expression);
        }
    }

    @Test
    void nicknamesAreValid() {
        for (String expression : List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight",
                "@hourly", "@reboot", " @reboot ")) {
            assertEquals(Optional.empty(), CronSchedules.problem(expression), expression);
        }
    }

    @Test
    void outOfRangeValuesAreRejectedWithAReason() {
        assertEquals(Optional.of("Failed to parse cron expression. Value 60 not in range [0, 59]"),
                CronSchedules.problem("60 * * * *"));
        assertEquals(Optional.of("Failed to parse cron expression. Value 24 not in range [0, 23]"),
                CronSchedules.problem("0 24 * * *"));
        assertEquals(Optional.of("Failed to parse cron expression. Value 32 not in range [1, 31]"),
                CronSchedules.problem("0 0 32 * *"));
        assertEquals(Optional.of("Failed to parse cron expression. Value 13 not in range [1, 12]"),
                CronSchedules.problem("0 0 * 13 *"));
        assertEquals(Optional.of("Failed to parse cron expression. Value 8 not in range [0, 7]"),
                CronSchedules.problem("0 0 * * 8"));
    }

    @Test
    void wrongFieldCountsAreRejectedWithAReason() {
        assertEquals(Optional.of("Cron expression contains 4 parts but we expect one of [5]"),
                CronSchedules.problem("* * * *"));
        assertEquals(Optional.of("Cron expression contains 7 parts but we expect one of [5]"),
                CronSchedules.problem("0 0 9 * * 1 2026"));
        assertEquals(Optional.of("Cron expression contains 1 parts but we expect one of [5]"),
                CronSchedules.problem("@sometimes"));
    }

    @Test
    void sixFieldsReadAsSecondsFirstForSchedulesFinerThanAMinute() {
        assertEquals(Optional.empty(), CronSchedules.problem("*/5 * * * * *"));
        assertEquals(Optional.of("Failed to parse cron expression. Value 60 not in range [0, 59]"),
                CronSchedules.problem("60 * * * * *"));
        java.time.ZonedDateTime reference = java.time.ZonedDateTime.parse("2026-11-26T10:00:02Z[UTC]");
        assertEquals(Optional.of(java.time.ZonedDateTime.parse("2026-11-26T10:00:05Z[UTC]")),
                CronSchedules.nextAfter("*/5 * * * * *", reference));
    }

    @Test
    void rebootIsRecognisedAndNeverScheduled() {
        assertTrue(CronSchedules.isReboot("@reboot"));
        assertTrue(CronSchedules.isReboot(" @reboot "));
        assertFalse(CronSchedules.isReboot("@daily"));
        assertEquals(Optional.empty(), CronSchedules.nextAfter("@reboot", FRIDAY_10AM));
        assertEquals(Optional.empty(), CronSchedules.lastAtOrBefore("@reboot", FRIDAY_10AM));
    }

    @Test
    void nextFireTimeInTheTriggersTimeZone() {
        ZonedDateTime next = CronSchedules.nextAfter("0 9 * * 1-5", FRIDAY_10AM).orElseThrow();
        assertEquals(newYork(13, 9, 0), next);
        assertEquals(Instant.parse("2024-05-13T13:00:00Z"), next.toInstant());
    }

    @Test
    void theSameExpressionFiresAtDifferentInstantsInDifferentZones() {
        Instant reference = Instant.parse("2024-05-10T00:00:00Z");
        assertEquals(Instant.parse("2024-05-10T09:00:00Z"), CronSchedules.nextAfter("0 9 * * *",
                reference.atZone(ZoneId.of("Etc/UTC"))).orElseThrow().toInstant());
        assertEquals(Instant.parse("2024-05-10T00:00:00Z"), CronSchedules.nextAfter("0 9 * * *",
                reference.minusSeconds(1).atZone(ZoneId.of("Asia/Tokyo"))).orElseThrow().toInstant());
    }

    @Test
    void theNextFireTimeIsStrictlyAfterTheReference() {
        assertEquals(newYork(13, 9, 0), CronSchedules.nextAfter("0 9 * * 1-5", newYork(10, 9, 0)).orElseThrow());
        assertEquals(newYork(10, 9, 0),
                CronSchedules.nextAfter("0 9 * * 1-5", newYork(10, 8, 59).plusSeconds(30)).orElseThrow());
        assertEquals(newYork(10, 11, 0), CronSchedules.nextAfter("@hourly", FRIDAY_10AM).orElseThrow());
    }

    @Test
    void sundayIsBothZeroAndSeven() {
        assertEquals(newYork(12, 9, 0), CronSchedules.nextAfter("0 9 * * 0", FRIDAY_10AM).orElseThrow());
        assertEquals(newYork(12, 9, 0), CronSchedules.nextAfter("0 9 * * 7", FRIDAY_10AM).orElseThrow());
    }

    @Test
    void lastFireTimeAtOrBeforeTheReference() {
        assertEquals(newYork(10, 9, 0), CronSchedules.lastAtOrBefore("0 9 * * 1-5", newYork(10, 9, 0)).orElseThrow());
        assertEquals(newYork(10, 9, 0), CronSchedules.lastAtOrBefore("0 9 * * 1-5", FRIDAY_10AM).orElseThrow());
        assertEquals(newYork(10, 9, 0),
                CronSchedules.lastAtOrBefore("0 9 * * 1-5", newYork(11, 12, 0)).orElseThrow(), "Saturday");
        assertEquals(newYork(10, 0, 0), CronSchedules.lastAtOrBefore("@daily", FRIDAY_10AM).orElseThrow());
    }

    @Test
    void theLastFireTimeIsOnTheMinuteEvenWhenTheReferenceIsNot() {
        assertEquals(newYork(10, 9, 0),
                CronSchedules.lastAtOrBefore("0 9 * * 1-5", newYork(10, 9, 0).plusSeconds(30)).orElseThrow());
        assertEquals(newYork(10, 9, 0),
                CronSchedules.lastAtOrBefore("0 9 * * 1-5", newYork(10, 9, 0).plusNanos(500_000_000)).orElseThrow());
    }
}
