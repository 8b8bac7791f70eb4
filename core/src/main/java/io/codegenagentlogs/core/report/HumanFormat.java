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
    private static final DateTimeFormatter CELL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

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

    /** "250ms", "4.5s", "12s", "2m 03s": a tool's time, with a decimal where it matters. */
    public static String millis(long ms) {
        if (ms < 1000) {
            return Math.max(0, ms) + "ms";
        }
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return duration(Duration.ofMillis(ms));
    }

    /** "2024-01-15 10:30:15 UTC", or "" for null. */
    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /**
     * A timestamp as sent by the API, in the report's one format: "2024-01-15 10:30:15" (UTC, for a
     * table whose header says so); the text as sent when it cannot be read; "" for null.
     */
    public static String cell(String sent) {
        if (sent == null) {
            return "";
        }
        Instant at = io.codegenagentlogs.core.api.Timestamps.parseOrNull(sent);
        return at == null ? sent : CELL.format(at);
    }

    /** {@link #cell} with " UTC" when the text could be read: for a value that stands alone. */
    public static String dateTime(String sent) {
        if (sent == null) {
            return "";
        }
        Instant at = io.codegenagentlogs.core.api.Timestamps.parseOrNull(sent);
        return at == null ? sent : dateTime(at);
    }

    /** "1.5 per plan", for ratios: one decimal. */
    public static String ratio(double r) {
        return String.format(java.util.Locale.ROOT, "%.1f", r);
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
