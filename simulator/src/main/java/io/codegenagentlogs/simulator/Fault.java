package io.codegenagentlogs.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour applied to a single logs request: an error status, a broken connection, or a 200
 * response whose content is inconsistent. Immutable; built with the static factories.
 */
public final class Fault {
    /** The kinds, named as in scenario files and {@link RecordedCall#fault()}. */
    enum Kind {
        STATUS("status"),
        RATE_LIMITED("rate_limited"),
        DROP("drop"),
        SLOW("slow"),
        TRUNCATED("truncated"),
        SHRINK_TOTAL("shrink_total"),
        EMPTY_PAGE("empty_page"),
        REPEAT_ENTRIES("repeat_entries"),
        NULL_LOGS("null_logs");

        final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }
    }

    private final Kind kind;
    private final int number;
    private final String retryAfter;
    private final Duration delay;

    private Fault(Kind kind, int number, String retryAfter, Duration delay) {
        this.kind = kind;
        this.number = number;
        this.retryAfter = retryAfter;
        this.delay = delay;
    }

    /** Answers {@code httpStatus} (400..599) with a {@code {"message", "status_code"}} body. */
    public static Fault status(int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("fault status must be 400..599, got " + httpStatus);
        }
        return new Fault(Kind.STATUS, httpStatus, null, null);
    }

    /** Answers 429 with {@code Retry-After} exactly as given ("2", an HTTP date, ...), or no header for null. */
    public static Fault rateLimited(String retryAfterOrNull) {
        return new Fault(Kind.RATE_LIMITED, 429, retryAfterOrNull, null);
    }

    /** Closes the connection without sending anything. */
    public static Fault drop() {
        return new Fault(Kind.DROP, 0, null, null);
    }

    /** Sends the normal status and headers at once, then waits {@code delayBeforeBody} before the body. */
    public static Fault slow(Duration delayBeforeBody) {
        if (delayBeforeBody.isNegative()) {
            throw new IllegalArgumentException("slow fault delay must not be negative");
        }
        return new Fault(Kind.SLOW, 0, null, delayBeforeBody);
    }

    /** Announces the full Content-Length, writes only half of the body, then closes the connection. */
    public static Fault truncated() {
        return new Fault(Kind.TRUNCATED, 0, null, null);
    }

    /** Answers as though only {@code totalLogs} logs were visible: total, pages and the page itself. */
    public static Fault shrinkTotal(int totalLogs) {
        if (totalLogs < 0) {
            throw new IllegalArgumentException("shrink_total total_logs must be >= 0, got " + totalLogs);
        }
        return new Fault(Kind.SHRINK_TOTAL, totalLogs, null, null);
    }

    /** Answers {@code "logs": []} with the true total_logs. */
    public static Fault emptyPage() {
        return new Fault(Kind.EMPTY_PAGE, 0, null, null);
    }

    /** Starts the page {@code count} entries before the requested skip, so entries already served come again. */
    public static Fault repeatEntries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repeat_entries count must be >= 1, got " + count);
        }
        return new Fault(Kind.REPEAT_ENTRIES, count, null, null);
    }

    /** Answers {@code "logs": null}, which the schema forbids. */
    public static Fault nullLogs() {
        return new Fault(Kind.NULL_LOGS, 0, null, null);
    }

    /** The scenario-file name of this fault's kind, e.g. "drop" or "shrink_total". */
    public String name() {
        return kind.wireName;
    }

    Kind kind() {
        return kind;
    }

    /** The status, total_logs or repeat count, depending on the kind. */
    int number() {
        return number;
    }

    String retryAfter() {
        return retryAfter;
    }

    Duration delay() {
        return delay;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && kind == f.kind && number == f.number
                && Objects.equals(retryAfter, f.retryAfter) && Objects.equals(delay, f.delay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, number, retryAfter, delay);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS, SHRINK_TOTAL, REPEAT_ENTRIES -> name() + "(" + number + ")";
            case RATE_LIMITED -> name() + "(" + retryAfter + ")";
            case SLOW -> name() + "(" + delay.toMillis() + "ms)";
            default -> name();
        };
    }
}
