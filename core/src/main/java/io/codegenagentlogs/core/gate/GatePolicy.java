package io.codegenagentlogs.core.gate;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** What makes a finished run fail the gate. Immutable; build with {@link #builder()}. */
public final class GatePolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Set<String> DEFAULT_FAIL_ON = Set.of("ERROR", "PR_CREATION_FAILED");

    private final Set<String> failOnTypes;
    private final boolean failOnRunStatus;
    private final int maxFailures;
    private final int maxIdenticalCalls;

    private GatePolicy(Builder b) {
        this.failOnTypes = Collections.unmodifiableSet(new TreeSet<>(b.failOnTypes));
        this.failOnRunStatus = b.failOnRunStatus;
        this.maxFailures = b.maxFailures;
        this.maxIdenticalCalls = b.maxIdenticalCalls;
    }

    public static GatePolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Message types whose entries count as failures, upper case, sorted; may be empty. */
    public Set<String> failOnTypes() {
        return failOnTypes;
    }

    /** Whether an entry of this (raw) type counts as a failure. */
    public boolean isFailing(String normalizedType) {
        return normalizedType != null && failOnTypes.contains(normalizedType.toUpperCase(Locale.ROOT));
    }

    /** Whether a run that ends in ERROR, FAILED, CANCELLED... fails the gate. */
    public boolean failOnRunStatus() {
        return failOnRunStatus;
    }

    /** How many failing entries are tolerated before the gate fails. */
    public int maxFailures() {
        return maxFailures;
    }

    /**
     * The loop rule: the gate fails when one identical tool call (same tool, same input) is made more
     * than this many times. 0 means the rule is off (the default).
     */
    public int maxIdenticalCalls() {
        return maxIdenticalCalls;
    }

    @Override
    public String toString() {
        return "fail on " + (failOnTypes.isEmpty() ? "no entry type" : String.join(", ", failOnTypes))
                + (failOnRunStatus ? " and on a failed run status" : "")
                + (maxFailures > 0 ? ", tolerating " + maxFailures : "")
                + (maxIdenticalCalls > 0 ? ", and on a tool call repeated more than " + maxIdenticalCalls + " times" : "");
    }

    public static final class Builder {
        private Set<String> failOnTypes = new TreeSet<>(DEFAULT_FAIL_ON);
        private boolean failOnRunStatus = true;
        private int maxFailures;
        private int maxIdenticalCalls;

        /**
         * Replaces the set; blank names are ignored, case does not matter. Each must be a documented
         * type ({@link MessageTypes#DOCUMENTED}) or be written {@code custom:TYPE}.
         *
         * @throws IllegalArgumentException for an unknown type, naming the closest documented one
         */
        public Builder failOn(Collection<String> types) {
            this.failOnTypes = new TreeSet<>(MessageTypes.parseFailOn(types));
            return this;
        }

        public Builder failOnRunStatus(boolean fail) {
            this.failOnRunStatus = fail;
            return this;
        }

        public Builder maxFailures(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxFailures must be 0 or more, was " + max);
            }
            this.maxFailures = max;
            return this;
        }

        /**
         * Turns the loop rule on: fail when one identical tool call is made more than {@code max} times;
         * 0 turns it off.
         */
        public Builder maxIdenticalCalls(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxIdenticalCalls must be 0 (off) or more, was " + max);
            }
            this.maxIdenticalCalls = max;
            return this;
        }

        public GatePolicy build() {
            return new GatePolicy(this);
        }
    }
}
