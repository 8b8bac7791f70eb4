package io.codegenagentlogs.core.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes short durations: "500ms", "10s", "60m", "2h", a bare number of seconds. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("A duration reads like 500ms, 10s, 60m or 2h, got '" + OneLine.of(text, 40) + "'");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        try {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
            // the engine works in milliseconds of wall-clock time
            d.toMillis();
            return d;
        } catch (NumberFormatException | ArithmeticException tooLong) {
            throw new IllegalArgumentException("The duration '" + OneLine.of(text, 40) + "' is too long: use e.g. 60m or 2h");
        }
    }

    /** {@code d} in milliseconds, {@link Long#MAX_VALUE} when it has more (instead of overflowing). */
    public static long toMillisSaturated(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code d} in nanoseconds, {@link Long#MAX_VALUE} when it has more (about 292 years). */
    public static long toNanosSaturated(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** "1.5s", "10s", "2m", "250ms": short and readable, for console lines. */
    public static String format(Duration d) {
        if (d.getSeconds() >= Long.MAX_VALUE / 1000) {
            return d.toHours() + "h";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
