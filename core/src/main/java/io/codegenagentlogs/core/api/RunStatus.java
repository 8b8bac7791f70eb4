package io.codegenagentlogs.core.api;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A run status as the API sent it. The schema types it as a free string and clients disagree on
 * case ({@code COMPLETE} vs {@code completed}), so the raw text is kept and compared leniently.
 */
public final class RunStatus implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where a run stands, as far as a gate is concerned. */
    public enum Phase {
        /** Still working: ACTIVE, PENDING, RUNNING, EVALUATION. */
        RUNNING,
        /** PAUSED: waits for a human and may never end by itself. */
        WAITING_FOR_HUMAN,
        /** COMPLETE (or {@code completed}). */
        SUCCEEDED,
        /** ERROR, FAILED, CANCELLED, STOPPED, TIMEOUT, MAX_ITERATIONS_REACHED, OUT_OF_TOKENS. */
        FAILED,
        /** Null or a value never seen before: keep waiting, within the timeout. */
        UNKNOWN
    }

    private static final Set<String> RUNNING = Set.of("ACTIVE", "PENDING", "RUNNING", "EVALUATION");
    private static final Set<String> FAILED = Set.of("ERROR", "FAILED", "CANCELLED", "CANCELED", "STOPPED",
            "TIMEOUT", "MAX_ITERATIONS_REACHED", "OUT_OF_TOKENS");

    private final String raw;

    private RunStatus(String raw) {
        this.raw = raw;
    }

    /** @param raw the status exactly as received; may be null */
    public static RunStatus of(String raw) {
        return new RunStatus(raw);
    }

    /** The status exactly as received, or null. */
    public String raw() {
        return raw;
    }

    /** Upper case, trimmed, with {@code COMPLETED} folded into {@code COMPLETE}; "UNKNOWN" for null. */
    public String normalized() {
        if (raw == null || raw.isBlank()) {
            return "UNKNOWN";
        }
        String upper = raw.trim().toUpperCase(Locale.ROOT);
        return upper.equals("COMPLETED") ? "COMPLETE" : upper;
    }

    public Phase phase() {
        String n = normalized();
        if (n.equals("COMPLETE")) {
            return Phase.SUCCEEDED;
        }
        if (FAILED.contains(n)) {
            return Phase.FAILED;
        }
        if (RUNNING.contains(n)) {
            return Phase.RUNNING;
        }
        if (n.equals("PAUSED")) {
            return Phase.WAITING_FOR_HUMAN;
        }
        return Phase.UNKNOWN;
    }

    /** True when the run will not change any more (succeeded or ended badly). */
    public boolean isTerminal() {
        Phase p = phase();
        return p == Phase.SUCCEEDED || p == Phase.FAILED;
    }

    public boolean isFailure() {
        return phase() == Phase.FAILED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunStatus other && normalized().equals(other.normalized());
    }

    @Override
    public int hashCode() {
        return Objects.hash(normalized());
    }

    @Override
    public String toString() {
        return normalized();
    }
}
