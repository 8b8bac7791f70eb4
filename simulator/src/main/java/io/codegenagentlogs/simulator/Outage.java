package io.codegenagentlogs.simulator;

import java.time.Duration;

/**
 * A stretch of time during which every request that reaches an existing route fails the same way, as
 * when Codegen's backend or its load balancer is down: an error status, a connection reset before any
 * byte, or a response cut off mid-body. Requests during an outage do not reach the API: they take no
 * rate-limit token, move no run forward and use up no fault. Immutable; start one with
 * {@link CodegenSimulator#startOutage}.
 */
public final class Outage {
    /** How each request fails. */
    public enum Mode {
        /** An error status with a {@code {"message", "status_code"}} body. */
        STATUS,
        /** The connection closes before any byte of a response. */
        RESET,
        /** Status 200 and a full Content-Length, then half the body and the connection closes. */
        TRUNCATED
    }

    private final Mode mode;
    private final int status;
    private final Duration length;

    private Outage(Mode mode, int status, Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("an outage lasts a positive time, got " + length);
        }
        this.mode = mode;
        this.status = status;
        this.length = length;
    }

    /** Every request answers {@code httpStatus} (500..599) for {@code length}. */
    public static Outage status(int httpStatus, Duration length) {
        if (httpStatus < 500 || httpStatus > 599) {
            throw new IllegalArgumentException("an outage status is 500..599, got " + httpStatus);
        }
        return new Outage(Mode.STATUS, httpStatus, length);
    }

    /** Every connection is closed before a response, for {@code length}. */
    public static Outage resets(Duration length) {
        return new Outage(Mode.RESET, 0, length);
    }

    /** Every response is cut off mid-body, for {@code length}. */
    public static Outage truncated(Duration length) {
        return new Outage(Mode.TRUNCATED, 0, length);
    }

    public Mode mode() {
        return mode;
    }

    /** The status of a {@link Mode#STATUS} outage, else 0. */
    public int status() {
        return status;
    }

    public Duration length() {
        return length;
    }

    /** The reply every request gets while the outage lasts. */
    Reply reply() {
        return switch (mode) {
            case STATUS -> Reply.json(status, ErrorBodies.forStatus(status)).withFault(Fault.status(status).duringOutage());
            case RESET -> Reply.json(200, "{}").withFault(Fault.drop().duringOutage());
            // long enough that half of it is a real partial read, not an empty one
            case TRUNCATED -> Reply.json(200, "{\"message\":\"" + "x".repeat(4096) + "\"}")
                    .withFault(Fault.truncated().duringOutage());
        };
    }

    @Override
    public String toString() {
        return "outage(" + (mode == Mode.STATUS ? "HTTP " + status : mode.name().toLowerCase(java.util.Locale.ROOT))
                + ", " + length.toMillis() + "ms)";
    }
}
