package io.codegenagentlogs.simulator;

/** A scenario's rate limit: {@code requests} per {@code perSeconds} for each token, across all endpoints. */
record RateLimit(int requests, int perSeconds, RetryAfter retryAfter) {
    /** How a 429 tells the client when to come back: the two forms RFC 9110 allows, or not at all. */
    enum RetryAfter {
        SECONDS, HTTP_DATE, NONE
    }
}
