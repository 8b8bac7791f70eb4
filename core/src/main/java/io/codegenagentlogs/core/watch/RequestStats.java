package io.codegenagentlogs.core.watch;

import java.io.Serializable;

/** What it cost to follow a run: HTTP requests sent, how many were retries, and how many got 429. */
public final class RequestStats implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final RequestStats NONE = new RequestStats(0, 0, 0);

    private final long requests;
    private final long retries;
    private final long rateLimited;

    public RequestStats(long requests, long retries, long rateLimited) {
        this.requests = requests;
        this.retries = retries;
        this.rateLimited = rateLimited;
    }

    /** Every HTTP request sent, retries included. */
    public long requests() {
        return requests;
    }

    public long retries() {
        return retries;
    }

    /** Answers with HTTP 429. */
    public long rateLimited() {
        return rateLimited;
    }

    public RequestStats plus(RequestStats other) {
        return new RequestStats(requests + other.requests, retries + other.retries, rateLimited + other.rateLimited);
    }

    @Override
    public String toString() {
        return requests + " requests (" + retries + " retries, " + rateLimited + " rate-limited)";
    }
}
