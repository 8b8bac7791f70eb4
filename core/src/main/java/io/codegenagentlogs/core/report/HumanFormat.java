package io.codegenagentlogs.core.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Durations and instants as people read them, the same in every renderer and on the console. */
public final class HumanFormat {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private HumanFormat() {
    }

    /** "250ms", "10s", "2m 03s", "1h 02m 03s"; negative durations read as zero. */
    public static String duration(Duration d) {
        if (d == null || d.isNegative()) {
            return "0s";
        }
        long s = d.getSeconds();
        if (s < 1) {
            return d.toMillis() + "ms";
        }
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh %02dm %02ds", s / 3600, (s % 3600) / 60, s % 60);
    }

    /** "2024-01-15 10:30:15 UTC", or "" for null. */
    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** "10:30:15" (UTC), or "" for null. */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** ISO-8601 in UTC with millisecond precision at most, or null. */
    public static String iso(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** "1 entry", "3 entries". */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
