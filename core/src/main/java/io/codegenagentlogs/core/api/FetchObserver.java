package io.codegenagentlogs.core.api;

import java.time.Duration;

/** Hears what one fetch cost: each request sent, each 429, each retry and its wait. */
public interface FetchObserver {
    FetchObserver NONE = new FetchObserver() {
    };

    /** @param retry whether this request repeats a failed one */
    default void onRequestSent(boolean retry) {
    }

    default void onRateLimited() {
    }

    /**
     * @param reason what failed, one line
     * @param attempt the attempt that failed, from 1
     */
    default void onRetry(String reason, int attempt, Duration delay) {
    }
}
