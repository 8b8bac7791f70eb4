package io.codegenagentlogs.core.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks the Codegen API for pages of an agent run's logs, one HTTP attempt per call. It never waits:
 * pacing (the rate limiter), retries and their backoff belong to the caller, which knows how long a
 * watch has been failing ({@code RunWatcher}). Each failure comes back classified
 * ({@link FetchFailure.Kind}) with a one-line error ready for the user.
 *
 * <p>Two paths exist in the wild for the same endpoint. The documented one is tried first; a 404
 * without the run-level {@code "message"} (in practice FastAPI's route-level
 * {@code {"detail":"Not Found"}}) switches to {@code /v1/alpha/...} once, and the path that worked is
 * kept for the client's later requests.
 *
 * <p>Redirects are not followed: the token goes only to the host of the base URL. Everything a server
 * sends back is read through a {@link Redaction} of the token, 200s included.
 */
public final class CodegenApiClient {
    /** The API refuses more; larger pages would be a 422, not a cap. */
    public static final int MAX_PAGE_SIZE = 100;

    /** Clients derive from one base so that they share its connection pool and threads. */
    private static final OkHttpClient SHARED_HTTP = new OkHttpClient();
    /** How much of an error body is read: enough for any message, bounded whatever the server sends. */
    private static final long ERROR_BODY_BYTES = 64 * 1024;

    private final HttpUrl baseUrl;
    private final ApiToken token;
    private final Redaction redaction;
    private final OkHttpClient http;
    private final RateLimiter limiter;
    private final TimeSource time;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    /** The path that answered last; a client (one per watch) asks the wrong one at most once. */
    private volatile LogsPath workingPath = LogsPath.DOCUMENTED;
    /** Whether a path has given a real answer (so a later route-level 404 is not a reason to switch). */
    private volatile boolean pathSettled;
    private volatile boolean switchedPath;

    private CodegenApiClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = Objects.requireNonNull(b.token, "token");
        this.redaction = token.redaction();
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.readTimeout.multipliedBy(3);
        this.http = (b.http == null ? SHARED_HTTP : b.http).newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // Our own retries count and pace every attempt; OkHttp's silent ones would not be.
                .retryOnConnectionFailure(false)
                // A redirect could send the token elsewhere, or in clear text: the answer is an error instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.limiter = b.limiter != null ? b.limiter : RateLimiter.shared(token, baseUrl.host() + ":" + baseUrl.port(), b.rateLimit);
        this.time = b.time;
        this.userAgent = b.userAgent;
    }

    public static Builder builder() {
        return new Builder();
    }

    // For the package's other endpoints (AgentRunCreator): the same base URL, token, headers, HTTP client.

    HttpUrl baseUrl() {
        return baseUrl;
    }

    ApiToken token() {
        return token;
    }

    OkHttpClient http() {
        return http;
    }

    Redaction redaction() {
        return redaction;
    }

    TimeSource time() {
        return time;
    }

    /** A request to {@code url} with the token, {@code Accept: application/json} and the user agent. */
    Request.Builder authorized(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", token.bearerHeader())
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
    }

    /** The limiter every request of this client must take a slot of first (shared per token and host). */
    public RateLimiter rateLimiter() {
        return limiter;
    }

    /**
     * One HTTP request for one page, without waiting before it or retrying after it. The caller has
     * taken a slot of {@link #rateLimiter()}.
     *
     * @throws InterruptedException when cancelled through {@code cancel} or interrupted, also mid-page
     */
    public FetchResult fetch(long orgId, long runId, long skip, int limit, CancelSignal cancel) throws InterruptedException {
        Ids.requirePositive("organization id", orgId);
        Ids.requirePositive("run id", runId);
        if (skip < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("skip must be >= 0 and limit 1.." + MAX_PAGE_SIZE + ", got " + skip + "/" + limit);
        }
        if (cancel.isCancelled()) {
            throw new InterruptedException("cancelled");
        }
        LogsPath path = workingPath;
        HttpUrl url = path.url(baseUrl, orgId, runId, skip, limit);
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", token.bearerHeader())
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        Call call = http.newCall(request);
        cancel.attach(call);
        CountingStream body = null;
        try (Response response = call.execute()) {
            int code = response.code();
            if (code == 200) {
                body = new CountingStream(response.body().byteStream());
                try (InputStream in = redaction.redact(body)) {
                    LogPage page = PageDecoder.decode(in, orgId, runId);
                    workingPath = path;
                    pathSettled = true;
                    return FetchResult.of(page);
                } catch (MalformedPageException e) {
                    return FetchResult.failed(malformed(e, skip, response.header("Content-Type")));
                }
            }
            String text = redaction.redact(response.peekBody(ERROR_BODY_BYTES).string());
            return FetchResult.failed(failure(code, text, response, orgId, runId, path));
        } catch (IOException e) {
            if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            return FetchResult.failed(failure(e, url, body));
        } finally {
            cancel.detach();
        }
    }

    private FetchFailure failure(int code, String body, Response response, long orgId, long runId, LogsPath path) {
        String server = ErrorBodies.message(body);
        String cause = "HTTP " + code + (server == null ? "" : " (" + OneLine.of(server, 120) + ")");
        if (code == 429) {
            return new FetchFailure(FetchFailure.Kind.RATE_LIMITED, code, cause,
                    RetryAfter.of(response.headers(), time.currentTimeMillis()), null);
        }
        if (code == 408 || code >= 500) {
            return new FetchFailure(FetchFailure.Kind.TRANSIENT, code, cause, RetryAfter.of(response.headers(), time.currentTimeMillis()),
                    new CodegenApiException(ApiErrorKind.API_UNAVAILABLE, code, "The Codegen API failed", server, null));
        }
        if (code == 404 && !ErrorBodies.isRunNotFound(body) && !switchedPath && !pathSettled) {
            switchedPath = true;
            workingPath = path.other();
            return new FetchFailure(FetchFailure.Kind.SWITCHED_PATH, code, "no logs endpoint at " + path.describe()
                    + "; trying " + path.other().describe(), null, null);
        }
        if (code != 404) {
            pathSettled = true;
        }
        CodegenApiException error = switch (code) {
            case 400 -> new CodegenApiException(ApiErrorKind.BAD_REQUEST, code, "The Codegen API rejected the request", server, null);
            case 401 -> new CodegenApiException(ApiErrorKind.UNAUTHORIZED, code, "The Codegen API did not accept the token", server, null);
            case 403 -> new CodegenApiException(ApiErrorKind.FORBIDDEN, code, "The token has no access to organization " + orgId, server, null);
            case 404 -> ErrorBodies.isRunNotFound(body)
                    ? new CodegenApiException(ApiErrorKind.RUN_NOT_FOUND, code, "Agent run " + runId + " not found in organization " + orgId,
                            server, null)
                    : new CodegenApiException(ApiErrorKind.NO_LOGS_ENDPOINT, code, "No logs endpoint under " + baseText()
                            + " (neither " + LogsPath.DOCUMENTED.describe() + " nor " + LogsPath.ALPHA.describe() + " exists there)",
                            server, null);
            case 422 -> new CodegenApiException(ApiErrorKind.VALIDATION, code, "The Codegen API found the request invalid", server, null);
            default -> code >= 300 && code < 400
                    ? new CodegenApiException(ApiErrorKind.REDIRECTED, code, "The API at " + baseText() + " answered with a redirect"
                            + redirectTarget(response), null, null)
                    : new CodegenApiException(ApiErrorKind.UNEXPECTED_STATUS, code, "Unexpected answer from the Codegen API", server, null);
        };
        return new FetchFailure(FetchFailure.Kind.FATAL, code, cause, null, error);
    }

    private String redirectTarget(Response response) {
        String location = response.header("Location");
        HttpUrl target = location == null ? null : response.request().url().resolve(location);
        if (target == null) {
            return "";
        }
        // scheme, host and path only: a query could carry anything
        return " to " + redaction.redact(target.scheme() + "://" + target.host() + portText(target) + target.encodedPath());
    }

    private FetchFailure malformed(MalformedPageException e, long skip, String contentType) {
        if (e.tooLarge()) {
            return new FetchFailure(FetchFailure.Kind.FATAL, 200, e.what(), null, new CodegenApiException(ApiErrorKind.PAGE_TOO_LARGE, 200,
                    "The page of logs from entry " + skip + " is larger than " + (PageDecoder.MAX_PAGE_BYTES >> 20) + " MiB", null, e));
        }
        String type = contentType == null ? "no Content-Type" : "Content-Type " + OneLine.of(contentType, 60);
        String detail;
        if (e.entry() < 0 && e.byteOffset() <= 1 && (e.what().contains("found '<'")
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")))) {
            detail = "the answer is an HTML page (" + type + "), not JSON";
        } else if (e.entry() >= 0) {
            detail = "log entry " + (skip + e.entry()) + " (entry " + (e.entry() + 1) + " of the page): " + e.what()
                    + " at byte " + e.byteOffset() + " of the entry";
        } else {
            detail = e.what() + " at byte " + e.byteOffset() + " (" + type + ")";
        }
        return new FetchFailure(FetchFailure.Kind.MALFORMED, 200, "unreadable page: " + detail, null,
                new CodegenApiException(ApiErrorKind.MALFORMED_RESPONSE, 200, "The page of logs from entry " + skip
                        + " could not be read: " + detail, null, e));
    }

    private FetchFailure failure(IOException e, HttpUrl url, CountingStream body) {
        String where = url.host() + ":" + url.port();
        if (body != null && e instanceof SocketTimeoutException) {
            return transientFailure("the answer stalled after " + body.count + " bytes (read timed out after "
                    + Durations.format(readTimeout) + ")", e);
        }
        if (body != null && e instanceof InterruptedIOException) {
            return transientFailure("no complete answer within " + Durations.format(callTimeout) + " (" + body.count
                    + " bytes came)", e);
        }
        if (body != null) {
            return transientFailure("the answer was cut off after " + body.count + " bytes (" + describe(e) + ")", e);
        }
        if (e instanceof UnknownHostException) {
            return unreachable(ApiErrorKind.UNKNOWN_HOST, "unknown host " + url.host(),
                    "The host " + url.host() + " of the base URL could not be resolved (unknown host)", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return unreachable(ApiErrorKind.CONNECTION_FAILED, "connection refused by " + where,
                    "Nothing accepts connections at " + where + " (" + describe(e) + ")", e);
        }
        if (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
            return unreachable(ApiErrorKind.CONNECTION_FAILED, "connecting to " + where + " timed out",
                    "Connecting to " + where + " timed out after " + Durations.format(connectTimeout), e);
        }
        if (e instanceof SSLException) {
            return unreachable(ApiErrorKind.TLS, "TLS with " + where + " failed",
                    "The TLS handshake with " + where + " failed (" + describe(e) + ")", e);
        }
        if (e instanceof SocketTimeoutException) {
            return transientFailure("no answer within " + Durations.format(readTimeout) + " (read timed out)", e);
        }
        if (e instanceof InterruptedIOException) {
            return transientFailure("no complete answer within " + Durations.format(callTimeout), e);
        }
        return transientFailure("connection failed (" + describe(e) + ")", e);
    }

    private static FetchFailure transientFailure(String cause, IOException e) {
        return new FetchFailure(FetchFailure.Kind.TRANSIENT, 0, cause, null,
                new CodegenApiException(ApiErrorKind.API_UNAVAILABLE, 0, "The Codegen API could not be reached: " + cause, null, e));
    }

    private static FetchFailure unreachable(ApiErrorKind kind, String cause, String what, IOException e) {
        return new FetchFailure(FetchFailure.Kind.UNREACHABLE, 0, cause, null, new CodegenApiException(kind, 0, what, null, e));
    }

    private String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + OneLine.of(redaction.redact(m), 120));
    }

    /** The base URL as the user gave it, path included ({@code http://127.0.0.1:8080/v2}). */
    private String baseText() {
        String path = baseUrl.encodedPath();
        return baseUrl.scheme() + "://" + baseUrl.host() + portText(baseUrl) + (path.equals("/") ? "" : path.replaceAll("/$", ""));
    }

    private static String portText(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port();
    }

    /** Counts the bytes read, to say where a body was cut off. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
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

        String describe() {
            return "/" + String.join("/", prefix) + "/organizations/.../logs";
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

        /** Connect timeout, and read timeout (a whole answer may take three read timeouts). */
        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            return this;
        }

        public Builder time(TimeSource time) {
            this.time = time;
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
