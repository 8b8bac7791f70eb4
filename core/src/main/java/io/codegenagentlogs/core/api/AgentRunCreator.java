package io.codegenagentlogs.core.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Creates an agent run: {@code POST /v1/organizations/{org_id}/agent/run} with the prompt. Codegen
 * allows 10 creations per minute per token, on top of the 60 requests per minute every endpoint
 * shares, so a creation takes a slot of both limiters (each shared per token and host in the JVM).
 *
 * <p>A creation is not idempotent: sending it twice may start two runs. It is sent again only when
 * the server said it did nothing (HTTP 429, before the attempt limit); an answer that leaves the
 * outcome open (a 5xx, a timeout or a reset after the request left) fails at once with
 * {@link ApiErrorKind#OUTCOME_UNKNOWN}, so that a person looks before anything is created twice.
 */
public final class AgentRunCreator {
    /** Codegen's limit for creating runs, per token. */
    public static final RateLimit CREATE_LIMIT = new RateLimit(10, Duration.ofSeconds(60));
    /** Prompts longer than this are refused before sending: no agent prompt is that long. */
    public static final int MAX_PROMPT_CHARS = 100_000;
    /** 429s answered before giving up. */
    static final int MAX_ATTEMPTS = 3;
    private static final Duration DEFAULT_PAUSE = Duration.ofSeconds(60);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long ERROR_BODY_BYTES = 64 * 1024;

    private final CodegenApiClient client;
    private final RateLimiter createLimiter;

    /** Creations through {@code client}, paced by its limiter and by a creation limiter shared per token and host. */
    public AgentRunCreator(CodegenApiClient client) {
        this(client, RateLimiter.shared(client.token(), client.baseUrl().host() + ":" + client.baseUrl().port()
                + " POST agent/run", CREATE_LIMIT));
    }

    AgentRunCreator(CodegenApiClient client, RateLimiter createLimiter) {
        this.client = Objects.requireNonNull(client, "client");
        this.createLimiter = Objects.requireNonNull(createLimiter, "createLimiter");
    }

    /**
     * Creates the run and returns it as the API answered (id, organization, status, page), waiting
     * on this thread for its slots: {@link #prepare} in a loop, for callers with a thread of their own.
     *
     * @param repoId the Codegen repository id, or null for the organization's default
     * @throws IllegalArgumentException for an empty or oversized prompt or a bad id: nothing was sent
     * @throws CodegenApiException when the API refused (the kind says why) or the outcome is unknown
     * @throws InterruptedException when cancelled while waiting for a slot (nothing was sent)
     */
    public RunInfo create(long orgId, String prompt, Long repoId, CancelSignal cancel) throws CodegenApiException, InterruptedException {
        Creation creation = prepare(orgId, prompt, repoId);
        while (true) {
            long wait = creation.nanosToWait();
            if (wait > 0) {
                if (!cancel.sleep(wait)) {
                    throw new InterruptedException("cancelled before the run was created");
                }
                continue;
            }
            RunInfo run = creation.send(cancel);
            if (run != null) {
                return run;
            }
        }
    }

    /**
     * One creation, checked and ready to be driven without waiting: a scheduler asks
     * {@link Creation#nanosToWait()} and comes back then, so that no thread sleeps for a slot.
     *
     * @throws IllegalArgumentException for an empty or oversized prompt or a bad id
     */
    public Creation prepare(long orgId, String prompt, Long repoId) {
        Ids.requirePositive("organization id", orgId);
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("The prompt is empty: say what the agent should do");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new IllegalArgumentException("The prompt has " + prompt.length() + " characters, more than "
                    + MAX_PROMPT_CHARS + ": shorten it");
        }
        if (repoId != null) {
            Ids.requirePositive("repository id", repoId);
        }
        JsonObject body = new JsonObject();
        body.addProperty("prompt", prompt);
        if (repoId != null) {
            body.addProperty("repo_id", repoId);
        }
        HttpUrl url = client.baseUrl().newBuilder()
                .addPathSegment("v1").addPathSegment("organizations").addPathSegment(Long.toString(orgId))
                .addPathSegment("agent").addPathSegment("run").build();
        return new Creation(orgId, url, body.toString());
    }

    /**
     * A creation on its way: first a slot of the creation limiter (which can be minutes away when many
     * runs are created), then one of the token's general limiter, then the POST. Slots are reserved
     * first come, first served on the first {@link #nanosToWait()}, and again after a 429.
     */
    public final class Creation {
        private final long orgId;
        private final HttpUrl url;
        private final String body;
        private RateLimiter.Reservation creationSlot;
        private RateLimiter.Reservation generalSlot;
        private int attempt = 1;

        private Creation(long orgId, HttpUrl url, String body) {
            this.orgId = orgId;
            this.url = url;
            this.body = body;
        }

        /** Nanoseconds until the creation may be sent; zero or less: {@link #send} now. */
        public synchronized long nanosToWait() {
            if (creationSlot == null) {
                creationSlot = createLimiter.reserve();
            }
            long wait = createLimiter.nanosUntil(creationSlot);
            if (wait > 0) {
                return wait;
            }
            // the general slot only once the creation slot has come, so that it is not held for minutes
            RateLimiter shared = client.rateLimiter();
            if (generalSlot == null) {
                generalSlot = shared.reserve();
            }
            return shared.nanosUntil(generalSlot);
        }

        /**
         * Sends the creation. Returns the run, or null when the server said it did nothing (HTTP 429,
         * before the attempt limit): its pause is applied, new slots are reserved, and
         * {@link #nanosToWait()} says when to send again.
         *
         * @throws IllegalStateException when its slots have not come yet
         */
        public synchronized RunInfo send(CancelSignal cancel) throws CodegenApiException {
            if (generalSlot == null || nanosToWait() > 0) {
                throw new IllegalStateException("the creation's slots have not come yet: ask nanosToWait() first");
            }
            creationSlot = null;
            generalSlot = null;
            Request request = client.authorized(url).post(RequestBody.create(body, JSON)).build();
            Call call = client.http().newCall(request);
            cancel.attach(call);
            try (Response response = call.execute()) {
                int code = response.code();
                if (code == 200 || code == 201) {
                    return run(response, orgId);
                }
                String text = client.redaction().redact(response.peekBody(ERROR_BODY_BYTES).string());
                String server = ErrorBodies.message(text);
                if (code == 429 && attempt < MAX_ATTEMPTS) {
                    // the server did nothing: wait as it says (or a minute), then ask again
                    attempt++;
                    Duration pause = RetryAfter.of(response.headers(), client.time().currentTimeMillis());
                    createLimiter.pauseFor(Durations.toNanosSaturated(pause == null ? DEFAULT_PAUSE : pause));
                    return null;
                }
                throw refused(code, server, orgId);
            } catch (IOException e) {
                CodegenApiException before = unsent(e, url);
                throw before != null ? before : new CodegenApiException(ApiErrorKind.OUTCOME_UNKNOWN, 0,
                        "The request to create the run failed after it was sent (" + OneLine.of(String.valueOf(e.getMessage()), 200)
                                + "): the run may or may not exist", null, e);
            } finally {
                cancel.detach();
            }
        }
    }

    /** The run the API answered with; a 2xx that cannot be read means a run exists that we cannot name. */
    private RunInfo run(Response response, long orgId) throws IOException, CodegenApiException {
        String text = response.body().string();
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            long id = o.get("id").getAsLong();
            long org = o.has("organization_id") && !o.get("organization_id").isJsonNull() ? o.get("organization_id").getAsLong() : orgId;
            return new RunInfo(id, org, string(o, "status"), string(o, "created_at"), string(o, "web_url"), string(o, "result"));
        } catch (RuntimeException unreadable) {
            throw new CodegenApiException(ApiErrorKind.OUTCOME_UNKNOWN, response.code(),
                    "Codegen accepted the run but its answer has no readable run id", null, unreadable);
        }
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private CodegenApiException refused(int code, String server, long orgId) {
        if (code == 408 || code >= 500) {
            return new CodegenApiException(ApiErrorKind.OUTCOME_UNKNOWN, code,
                    "The Codegen API failed while creating the run: the run may or may not exist", server, null);
        }
        return switch (code) {
            case 400 -> new CodegenApiException(ApiErrorKind.BAD_REQUEST, code, "The Codegen API rejected the request", server, null);
            case 401 -> new CodegenApiException(ApiErrorKind.UNAUTHORIZED, code, "The Codegen API did not accept the token", server, null);
            case 402 -> new CodegenApiException(ApiErrorKind.PAYMENT_REQUIRED, code, "Codegen refused to start a run (payment required)",
                    server, null);
            case 403 -> new CodegenApiException(ApiErrorKind.FORBIDDEN, code, "The token has no access to organization " + orgId,
                    server, null);
            case 404 -> new CodegenApiException(ApiErrorKind.NO_LOGS_ENDPOINT, code, "No agent run endpoint under the base URL",
                    server, null);
            case 422 -> new CodegenApiException(ApiErrorKind.VALIDATION, code, "The Codegen API found the request invalid", server, null);
            case 429 -> new CodegenApiException(ApiErrorKind.UNEXPECTED_STATUS, code, "Too many runs created: Codegen allows "
                    + CREATE_LIMIT.requests() + " a minute per token, and kept saying so", server, null);
            default -> new CodegenApiException(code >= 300 && code < 400 ? ApiErrorKind.REDIRECTED : ApiErrorKind.UNEXPECTED_STATUS,
                    code, "Unexpected answer from the Codegen API to creating a run", server, null);
        };
    }

    /** An I/O failure that happened before the request left (so nothing was created), or null. */
    private static CodegenApiException unsent(IOException e, HttpUrl url) {
        String where = url.host() + ":" + url.port();
        if (e instanceof UnknownHostException) {
            return new CodegenApiException(ApiErrorKind.UNKNOWN_HOST, 0, "The host " + url.host()
                    + " of the base URL could not be resolved (unknown host); no run was created", null, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || (e instanceof SocketTimeoutException
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect"))) {
            return new CodegenApiException(ApiErrorKind.CONNECTION_FAILED, 0, "Nothing accepts connections at " + where
                    + "; no run was created", null, e);
        }
        if (e instanceof SSLHandshakeException) {
            return new CodegenApiException(ApiErrorKind.TLS, 0, "The TLS handshake with " + where + " failed; no run was created",
                    null, e);
        }
        return null;
    }
}
