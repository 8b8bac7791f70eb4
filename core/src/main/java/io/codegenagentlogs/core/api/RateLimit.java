package io.codegenagentlogs.core.api;

import java.io.Serializable;
import java.time.Duration;

/** At most {@code requests} requests in any window of {@code window}. */
public final class RateLimit implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Codegen's documented limit: 60 requests per 60 seconds per token, all endpoints together. */
    public static final RateLimit CODEGEN_DEFAULT = new RateLimit(60, Duration.ofSeconds(60));

    private final int requests;
    private final Duration window;

    public RateLimit(int requests, Duration window) {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per window, got " + requests);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit window must be positive, got " + window);
        }
        this.requests = requests;
        this.window = window;
    }

    /** Parses "60/60s", "100/1m", "5/2s". */
    public static RateLimit parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A rate limit reads like 60/60s (requests/window), got '" + text + "'");
        }
        try {
            return new RateLimit(Integer.parseInt(parts[0].trim()), Durations.parse(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A rate limit reads like 60/60s (requests/window), got '" + text + "'");
        }
    }

    public int requests() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimit r && r.requests == requests && r.window.equals(window);
    }

    @Override
    public int hashCode() {
        return requests * 31 + window.hashCode();
    }

    @Override
    public String toString() {
        return requests + "/" + Durations.format(window);
    }
}
