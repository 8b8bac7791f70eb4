package io.codegenagentlogs.core.api;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches pages of an agent run's logs from the Codegen API: rate-limited per token, retrying
 * what is transient, failing with a typed {@link CodegenApiException} on what is not.
 *
 * <p>Two paths exist in the wild for the same endpoint. The documented one is tried first; a
 * 404 without the run-level {@code "message"} (in practice FastAPI's route-level
 * {@code {"detail":"Not Found"}}) switches to {@code /v1/alpha/...} once, and the
 * path that worked is kept for the client's later requests.
 */
public final class CodegenApiClient {
    /** The API refuses more; larger pages would be a 422, not a cap. */
    public static final int MAX_PAGE_SIZE = 100;

    /** Clients derive from one base so that they share its connection pool and threads. */
    private static final OkHttpClient SHARED_HTTP = new OkHttpClient();

    private final HttpUrl baseUrl;
    private final ApiToken token;
    private final OkHttpClient http;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final TimeSource time;
    private final String userAgent;
    /** The path that answered last; a client (one per watch) asks the wrong one at most once. */
    private volatile LogsPath workingPath = LogsPath.DOCUMENTED;

    private CodegenApiClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = Objects.requireNonNull(b.token, "token");
        this.http = (b.http == null ? SHARED_HTTP : b.http).newBuilder()
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(b.readTimeout.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)
                // Our own retries count and pace every attempt; OkHttp's silent ones would not be.
                .retryOnConnectionFailure(false)
                .build();
        this.limiter = b.limiter != null ? b.limiter : RateLimiter.shared(token, baseUrl.host() + ":" + baseUrl.port(), b.rateLimit);
        this.retry = b.retry;
        this.time = b.time;
        this.userAgent = b.userAgent;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RateLimiter rateLimiter() {
        return limiter;
    }

    /**
     * One page of logs, with as many retries as the policy allows.
     *
     * @param deadlineEpochMillis no retry wait goes past this wall-clock time
     * @throws CodegenApiException when the API gives an error that retrying cannot fix
     * @throws DeadlineExceededException when the deadline comes first
     * @throws InterruptedException when interrupted or cancelled through {@code cancel}
     */
    public LogPage fetchLogs(long orgId, long runId, long skip, int limit, long deadlineEpochMillis,
            FetchObserver observer, CancelSignal cancel)
            throws CodegenApiException, DeadlineExceededException, InterruptedException {
        Ids.requirePositive("organization id", orgId);
        Ids.requirePositive("run id", runId);
        if (skip < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("skip must be >= 0 and limit 1.." + MAX_PAGE_SIZE + ", got " + skip + "/" + limit);
        }
        String lastFailure = null;
        int failed = 0;
        boolean switchedPath = false;
        while (true) {
            awaitPermit(cancel, deadlineEpochMillis);
            LogsPath path = workingPath;
            HttpUrl url = path.url(baseUrl, orgId, runId, skip, limit);
            observer.onRequestSent(failed > 0);
            Attempt attempt = send(url, cancel);
            if (attempt.status == 200 && attempt.body != null) {
                try {
                    LogPage page = PageDecoder.decode(attempt.body, orgId, runId);
                    workingPath = path;
                    return page;
                } catch (JsonParseException | IllegalStateException e) {
                    attempt = Attempt.transientFailure(200, "the response is not a readable logs page (" + OneLine.of(e.getMessage(), 120) + ")");
                }
            }
            if (attempt.status == 404 && !switchedPath && !ErrorBodies.isRunNotFound(attempt.body)) {
                switchedPath = true;
                workingPath = path.other();
                continue;
            }
            if (!attempt.retryable) {
                throw attempt.toException(url, switchedPath);
            }
            failed++;
            lastFailure = attempt.failure;
            if (attempt.status == 429) {
                observer.onRateLimited();
            }
            if (failed >= retry.maxAttempts()) {
                throw new CodegenApiException(
                        attempt.status == 200 ? ApiErrorKind.MALFORMED_RESPONSE : ApiErrorKind.RETRIES_EXHAUSTED,
                        attempt.status == 200 ? 0 : attempt.status,
                        "Gave up fetching logs of run " + runId + " after " + failed + " attempts; last: " + lastFailure,
                        null, attempt.cause);
            }
            long wait = attempt.retryAfter != null ? retry.retryAfterNanos(attempt.retryAfter) : retry.backoffNanos(failed);
            if (attempt.status == 429) {
                // Everyone sharing the token backs off, not only the watcher that was refused.
                limiter.pauseFor(wait);
            }
            long remaining = TimeUnit.MILLISECONDS.toNanos(deadlineEpochMillis - time.currentTimeMillis());
            if (wait > remaining) {
                throw new DeadlineExceededException("the overall timeout comes before the next retry (" + lastFailure + ")");
            }
            observer.onRetry(lastFailure, failed, Duration.ofNanos(wait));
            if (!cancel.sleep(wait)) {
                throw new InterruptedException("cancelled");
            }
        }
    }

    private void awaitPermit(CancelSignal cancel, long deadlineEpochMillis) throws InterruptedException, DeadlineExceededException {
        while (true) {
            if (cancel.isCancelled()) {
                throw new InterruptedException("cancelled");
            }
            long wait = limiter.tryAcquire();
            if (wait <= 0) {
                return;
            }
            if (time.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(wait) > deadlineEpochMillis) {
                throw new DeadlineExceededException("the overall timeout comes before the rate limit allows another request");
            }
            if (!cancel.sleep(wait)) {
                throw new InterruptedException("cancelled");
            }
        }
    }

    private Attempt send(HttpUrl url, CancelSignal cancel) throws InterruptedException {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", token.bearerHeader())
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        Call call = http.newCall(request);
        cancel.attach(call);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            if (response.code() != 200) {
                // an error body ends up in messages, reports and consoles: a server echoing the token must not leak it
                text = token.redact(text);
            }
            return Attempt.answered(response.code(), text, RetryAfter.parse(response.header("Retry-After"), time.currentTimeMillis()));
        } catch (IOException e) {
            if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            String what = e instanceof InterruptedIOException ? "timed out" : "connection failed";
            return Attempt.transientFailure(0, what + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + OneLine.of(e.getMessage(), 120)) + ")", e);
        } finally {
            cancel.detach();
        }
    }

    /** The two spellings of the logs path. */
    enum LogsPath {
        DOCUMENTED("v1"), ALPHA("v1", "alpha");

        private final String[] prefix;

        LogsPath(String... prefix) {
            this.prefix = prefix;
        }

        HttpUrl url(HttpUrl base, long orgId, long runId, long skip, int limit) {
            HttpUrl.Builder b = base.newBuilder();
            for (String p : prefix) {
                b.addPathSegment(p);
            }
            return b.addPathSegment("organizations").addPathSegment(Long.toString(orgId))
                    .addPathSegment("agent").addPathSegment("run").addPathSegment(Long.toString(runId))
                    .addPathSegment("logs")
                    .addQueryParameter("skip", Long.toString(skip))
                    .addQueryParameter("limit", Integer.toString(limit))
                    .build();
        }

        LogsPath other() {
            return this == DOCUMENTED ? ALPHA : DOCUMENTED;
        }
    }

    public static final class Builder {
        private HttpUrl baseUrl = BaseUrls.parse(BaseUrls.DEFAULT);
        private ApiToken token;
        private OkHttpClient http;
        private RateLimit rateLimit = RateLimit.CODEGEN_DEFAULT;
        private RateLimiter limiter;
        private RetryPolicy retry = RetryPolicy.defaults();
        private TimeSource time = TimeSource.SYSTEM;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private String userAgent = "codegen-agent-logs";

        /** @throws IllegalArgumentException unless https, or http to a loopback address */
        public Builder baseUrl(String url) {
            this.baseUrl = BaseUrls.parse(url);
            return this;
        }

        public Builder token(ApiToken token) {
            this.token = token;
            return this;
        }

        /** A client to derive from (its proxy, pool and dispatcher are kept), e.g. Jenkins' proxy-aware one. */
        public Builder httpClient(OkHttpClient client) {
            this.http = client;
            return this;
        }

        /** The limit of the limiter shared by every client of this token in the JVM. */
        public Builder rateLimit(RateLimit limit) {
            this.rateLimit = limit;
            return this;
        }

        /** A limiter of one's own instead of the shared one (tests, benchmarks). */
        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = limiter;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public CodegenApiClient build() {
            if (token == null) {
                throw new IllegalStateException("a Codegen API token is required");
            }
            return new CodegenApiClient(this);
        }
    }
}
