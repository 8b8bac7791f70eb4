package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.CodegenApiClient;
import java.io.Serializable;
import java.time.Duration;

/** How a run is followed: poll interval when caught up, overall timeout, page size. */
public final class WatchOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Duration pollInterval;
    private final Duration timeout;
    private final int pageSize;
    private final int maxStalledPolls;

    private WatchOptions(Builder b) {
        this.pollInterval = b.pollInterval;
        this.timeout = b.timeout;
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

    public int pageSize() {
        return pageSize;
    }

    /**
     * How many of the last delivered entries a page is checked against for repeats (twice a page):
     * {@link RunWatcher#rememberDelivered} takes that many after a restart.
     */
    public int repeatWindow() {
        return 2 * pageSize;
    }

    /** Polls of a finished run that may bring nothing before the missing entries are given up on. */
    public int maxStalledPolls() {
        return maxStalledPolls;
    }

    public static final class Builder {
        private Duration pollInterval = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofMinutes(60);
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
