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
        NULL_LOGS("null_logs"),
        HTML_PAGE("html_page"),
        EMPTY_BODY("empty_body"),
        INVALID_UTF8("invalid_utf8"),
        WRONG_CONTENT_TYPE("wrong_content_type"),
        MISSING_TOTAL("missing_total"),
        TRUNCATED_JSON("truncated_json"),
        SLOW_DRIP("slow_drip");

        final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }
    }

    private final Kind kind;
    private final int number;
    private final String retryAfter;
    private final Duration delay;
    private final boolean outage;

    private Fault(Kind kind, int number, String retryAfter, Duration delay) {
        this(kind, number, retryAfter, delay, false);
    }

    private Fault(Kind kind, int number, String retryAfter, Duration delay, boolean outage) {
        this.kind = kind;
        this.number = number;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.outage = outage;
    }

    /** The same misbehaviour, recorded as part of an {@link Outage} ("outage:status", "outage:drop", ...). */
    Fault duringOutage() {
        return new Fault(kind, number, retryAfter, delay, true);
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

    /** 200 with an HTML sign-in page ({@code text/html}), as a captive portal or a wrong base URL gives. */
    public static Fault htmlPage() {
        return new Fault(Kind.HTML_PAGE, 0, null, null);
    }

    /** 200 with an empty body. */
    public static Fault emptyBody() {
        return new Fault(Kind.EMPTY_BODY, 0, null, null);
    }

    /**
     * The normal page, but its first entry (or, without entries, the page itself) gets a member whose
     * string holds bytes that are not UTF-8 ({@code C3 28}).
     */
    public static Fault invalidUtf8() {
        return new Fault(Kind.INVALID_UTF8, 0, null, null);
    }

    /** The normal page served as {@code text/plain}. */
    public static Fault wrongContentType() {
        return new Fault(Kind.WRONG_CONTENT_TYPE, 0, null, null);
    }

    /** The normal page without {@code total_logs} (and {@code pages}), which the schema allows to be absent. */
    public static Fault missingTotal() {
        return new Fault(Kind.MISSING_TOTAL, 0, null, null);
    }

    /** A complete HTTP response whose JSON stops half-way: the server, not the network, cut it. */
    public static Fault truncatedJson() {
        return new Fault(Kind.TRUNCATED_JSON, 0, null, null);
    }

    /**
     * Status and headers at once, then the body 64 bytes at a time with {@code delayPerChunk} between
     * chunks: every read gets bytes in time, only the whole response is slow.
     */
    public static Fault slowDrip(Duration delayPerChunk) {
        if (delayPerChunk.isNegative()) {
            throw new IllegalArgumentException("slow_drip delay must not be negative");
        }
        return new Fault(Kind.SLOW_DRIP, 0, null, delayPerChunk);
    }

    /** The scenario-file name of this fault's kind, e.g. "drop" or "shrink_total"; "outage:" first during an outage. */
    public String name() {
        return outage ? "outage:" + kind.wireName : kind.wireName;
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
        return o instanceof Fault f && kind == f.kind && number == f.number && outage == f.outage
                && Objects.equals(retryAfter, f.retryAfter) && Objects.equals(delay, f.delay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, number, retryAfter, delay, outage);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS, SHRINK_TOTAL, REPEAT_ENTRIES -> name() + "(" + number + ")";
            case RATE_LIMITED -> name() + "(" + retryAfter + ")";
            case SLOW, SLOW_DRIP -> name() + "(" + delay.toMillis() + "ms)";
            default -> name();
        };
    }
}
