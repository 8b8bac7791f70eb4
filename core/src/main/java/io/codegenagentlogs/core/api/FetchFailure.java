package io.codegenagentlogs.core.api;

import java.time.Duration;

/**
 * Why one request for a page brought no page, and what kind of failure it was, so that the watcher
 * can decide without knowing HTTP: retry it, wait it out, or give up with {@link #error()}.
 */
public final class FetchFailure {
    /** How a failure may be handled. */
    public enum Kind {
        /** Can change by itself: 5xx, 408, timeouts, resets, bodies cut short. */
        TRANSIENT,
        /** 429: wait, whatever the outage budget; never a reason to give up. */
        RATE_LIMITED,
        /**
         * The API could not be reached (unknown host, refused or timed-out connection, TLS). Before
         * the first good answer this is a configuration mistake; after it, an outage like any other.
         */
        UNREACHABLE,
        /** A 200 whose body is not a logs page; worth one more try. */
        MALFORMED,
        /** The documented path does not exist here: the other one is worth a request at once. */
        SWITCHED_PATH,
        /** An answer that no retry can change: 401, 403, 404, 400, 422, a redirect, a page too large. */
        FATAL
    }

    private final Kind kind;
    private final int httpStatus;
    private final String cause;
    private final Duration retryAfter;
    private final CodegenApiException error;

    FetchFailure(Kind kind, int httpStatus, String cause, Duration retryAfter, CodegenApiException error) {
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.cause = cause;
        this.retryAfter = retryAfter;
        this.error = error;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** What failed, in a few words for a console line: "HTTP 503", "connection reset", "read timed out after 30s". */
    public String cause() {
        return cause;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The error to end the watch with, should it come to that; its message is one actionable line. */
    public CodegenApiException error() {
        return error;
    }

    @Override
    public String toString() {
        return kind + ": " + cause;
    }
}
