package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.Durations;
import io.codegenagentlogs.core.api.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;

/**
 * How a run is followed: poll interval when caught up, overall timeout, how long an outage of the API
 * is ridden out, backoff between retries, page size.
 */
public final class WatchOptions implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Before the first good answer, transient failures are retried this long at most (a start-up, not an outage). */
    public static final Duration STARTUP_RETRY_LIMIT = Duration.ofSeconds(30);

    private final Duration pollInterval;
    private final Duration timeout;
    private final Duration maxOutage;
    private final RetryPolicy retry;
    private final int pageSize;
    private final int maxStalledPolls;

    private WatchOptions(Builder b) {
        this.pollInterval = b.pollInterval;
        this.timeout = b.timeout;
        this.maxOutage = b.maxOutage;
        this.retry = b.retry;
        this.pageSize = b.pageSize;
        this.maxStalledPolls = b.maxStalledPolls;
    }

    public static WatchOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * How long the API may keep failing (5xx, 408, resets, timeouts, bodies cut short) after it has
     * answered once, before the watch gives up; the overall timeout still bounds it. Default 10 minutes.
     * 429s are waited out whatever this says.
     */
    public Duration maxOutage() {
        return maxOutage;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    public int pageSize() {
        return pageSize;
    }

    /**
     * How many of the last delivered entries a page's start is compared with, to report a page that
     * repeats them: {@link RunWatcher#rememberDelivered} takes that many after a restart.
     */
    public int repeatWindow() {
        return pageSize;
    }

    /** Polls of a finished run that may bring nothing before the missing entries are given up on. */
    public int maxStalledPolls() {
        return maxStalledPolls;
    }

    @Override
    public String toString() {
        return "poll every " + Durations.format(pollInterval) + ", timeout " + Durations.format(timeout)
                + ", outages up to " + Durations.format(maxOutage);
    }

    public static final class Builder {
        private Duration pollInterval = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofMinutes(60);
        private Duration maxOutage = Duration.ofMinutes(10);
        private RetryPolicy retry = RetryPolicy.defaults();
        private int pageSize = CodegenApiClient.MAX_PAGE_SIZE;
        private int maxStalledPolls = 3;

        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("The poll interval must be positive, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** @throws IllegalArgumentException when negative (zero: give up at the first failure after a good answer) */
        public Builder maxOutage(Duration maxOutage) {
            if (maxOutage.isNegative()) {
                throw new IllegalArgumentException("The outage budget must not be negative, got " + maxOutage);
            }
            this.maxOutage = maxOutage;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = java.util.Objects.requireNonNull(retry, "retry");
            return this;
        }

        public Builder pageSize(int size) {
            if (size < 1 || size > CodegenApiClient.MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("The page size must be 1.." + CodegenApiClient.MAX_PAGE_SIZE + ", got " + size);
            }
            this.pageSize = size;
            return this;
        }

        public Builder maxStalledPolls(int polls) {
            if (polls < 1) {
                throw new IllegalArgumentException("maxStalledPolls must be at least 1, got " + polls);
            }
            this.maxStalledPolls = polls;
            return this;
        }

        public WatchOptions build() {
            return new WatchOptions(this);
        }
    }
}
