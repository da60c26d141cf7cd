package io.squidmesh.workflow.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Parses cron expressions with cron-utils: five-field UNIX syntax ({@code "0 9 * * 1-5"}), the nicknames
 * {@code @yearly @annually @monthly @weekly @daily @midnight @hourly @reboot}, and six fields with a leading
 * seconds field ({@code "*}{@code /10 * * * * *"}) for schedules finer than a minute.
 */
public final class CronSchedules {

    public static final String REBOOT = "@reboot";

    private static final CronDefinition UNIX_WITH_NICKNAMES = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
            .withSupportedNicknameYearly()
            .withSupportedNicknameAnnually()
            .withSupportedNicknameMonthly()
            .withSupportedNicknameWeekly()
            .withSupportedNicknameDaily()
            .withSupportedNicknameMidnight()
            .withSupportedNicknameHourly()
            .withSupportedNicknameReboot()
            .instance();

    private static final CronDefinition WITH_SECONDS = CronDefinitionBuilder.defineCron()
            .withSeconds().withValidRange(0, 59).withStrictRange().and()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
            .instance();

    private static final CronParser PARSER = new CronParser(UNIX_WITH_NICKNAMES);
    private static final CronParser SECONDS_PARSER = new CronParser(WITH_SECONDS);

    private CronSchedules() {
    }

    /** Why the expression is invalid, or empty when it parses. */
    public static Optional<String> problem(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage() == null ? "unparseable" : e.getMessage());
        }
    }

    /** Whether the trigger fires once per application start rather than on a calendar. */
    public static boolean isReboot(String expression) {
        return REBOOT.equals(expression.strip());
    }

    /** The first fire time strictly after {@code after}; empty for {@code @reboot}. */
    public static Optional<ZonedDateTime> nextAfter(String expression, ZonedDateTime after) {
        if (isReboot(expression)) {
            return Optional.empty();
        }
        return ExecutionTime.forCron(parse(expression)).nextExecution(after);
    }

    /** The last fire time at or before {@code atOrBefore}; empty for {@code @reboot}. */
    public static Optional<ZonedDateTime> lastAtOrBefore(String expression, ZonedDateTime atOrBefore) {
        if (isReboot(expression)) {
            return Optional.empty();
        }
        ExecutionTime time = ExecutionTime.forCron(parse(expression));
        // Fire times are whole minutes; isMatch ignores seconds, so 09:00:30 would "match" 0 9 * * *.
        ZonedDateTime minute = atOrBefore.truncatedTo(ChronoUnit.MINUTES);
        if (time.isMatch(minute)) {
            return Optional.of(minute);
        }
        return time.lastExecution(minute);
    }

    private static Cron parse(String expression) {
        String trimmed = expression.strip();
        CronParser parser = trimmed.split("\\s+").length == 6 ? SECONDS_PARSER : PARSER;
        return parser.parse(trimmed).validate();
    }
}
