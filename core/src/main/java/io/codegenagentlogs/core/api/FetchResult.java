package io.codegenagentlogs.core.api;

/** What one request for a page came to: the page, or why there is none. */
public final class FetchResult {
    private final LogPage page;
    private final FetchFailure failure;

    private FetchResult(LogPage page, FetchFailure failure) {
        this.page = page;
        this.failure = failure;
    }

    static FetchResult of(LogPage page) {
        return new FetchResult(page, null);
    }

    static FetchResult failed(FetchFailure failure) {
        return new FetchResult(null, failure);
    }

    public boolean ok() {
        return page != null;
    }

    /** The page, or null when the request failed. */
    public LogPage page() {
        return page;
    }

    /** Why there is no page, or null. */
    public FetchFailure failure() {
        return failure;
    }
}
