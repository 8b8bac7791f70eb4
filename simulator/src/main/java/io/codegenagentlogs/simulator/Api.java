package io.codegenagentlogs.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides the answer to one request, in the order the real service checks things: route, outage,
 * token (401 for a missing or unknown one), rate limit, parameters, organization (403 for one the
 * token has no access to), run, and finally any fault aimed at this logs request.
 */
final class Api {
    /** IMF-fixdate (RFC 9110): two-digit day, unlike DateTimeFormatter.RFC_1123_DATE_TIME. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Routes routes;
    private final RateLimiter limiter;
    private final RateLimit.RetryAfter retryAfter;
    private final Map<Long, SimulatedRun> runs;
    private final FaultSchedule faults;
    private final Clock clock;
    /** The organizations the accepted tokens belong to: those of the scenario's runs. */
    private final Set<Long> organizations;
    private final RunCreation creation;
    private Outage outage;
    private long outageEndsMillis;

    Api(Scenario scenario, Map<Long, SimulatedRun> runs, FaultSchedule faults, Clock clock) {
        this.routes = new Routes(scenario.paths());
        RateLimit limit = scenario.rateLimit();
        this.limiter = limit == null ? null : new RateLimiter(limit, clock);
        this.retryAfter = limit == null ? null : limit.retryAfter();
        this.runs = runs;
        this.faults = faults;
        this.clock = clock;
        this.organizations = runs.values().stream().map(r -> r.spec().organizationId()).collect(Collectors.toUnmodifiableSet());
        this.creation = new RunCreation(runs, clock);
    }

    RunCreation creation() {
        return creation;
    }

    /** Every request to an existing route fails as {@code outage} says, from now (by the simulator's clock) for its length. */
    synchronized void startOutage(Outage next) {
        outage = next;
        outageEndsMillis = clock.millis() + next.length().toMillis();
    }

    private synchronized Outage activeOutage() {
        if (outage != null && clock.millis() >= outageEndsMillis) {
            outage = null;
        }
        return outage;
    }

    Reply respond(String method, String path, Map<String, String> query, Credentials credentials) {
        return respond(method, path, query, credentials, null);
    }

    /** @param body the request's body (a creation's JSON), or null */
    Reply respond(String method, String path, Map<String, String> query, Credentials credentials, String body) {
        Routes.Match route = routes.match(method, path);
        if (route == null) {
            return Reply.json(404, ErrorBodies.ROUTE_NOT_FOUND);
        }
        Outage down = activeOutage();
        if (down != null) {
            return down.reply();
        }
        // Like Codegen: a token that is missing, malformed or unknown is 401; 403 is for a valid token
        // asking about an organization its user does not belong to.
        if (credentials.token() == null || !credentials.authorized()) {
            return Reply.json(401, ErrorBodies.MISSING_TOKEN);
        }
        long waitMillis = limiter == null ? 0 : limiter.acquire(credentials.token());
        if (waitMillis > 0) {
            return rateLimited(waitMillis);
        }
        RequestParams params = new RequestParams();
        if (route.kind() == Routes.Kind.CREATE) {
            return create(params.pathId("org_id", route.orgId()), params, credentials, body);
        }
        // In the order of the OpenAPI operation's parameters, as FastAPI reports them.
        long runId = params.pathId("agent_run_id", route.runId());
        long orgId = params.pathId("org_id", route.orgId());
        RequestParams.Page page = route.kind() == Routes.Kind.LOGS ? params.page(query) : null;
        if (!params.problems().isEmpty()) {
            return Reply.json(422, ErrorBodies.validation(params.problems()));
        }
        if (!organizations.contains(orgId)) {
            return Reply.json(403, ErrorBodies.FORBIDDEN);
        }
        SimulatedRun run = runs.get(runId);
        if (run == null || run.spec().organizationId() != orgId) {
            return Reply.json(404, ErrorBodies.RUN_NOT_FOUND);
        }
        if (route.kind() == Routes.Kind.RUN) {
            return Reply.json(200, RunBodies.run(run, run.observe(clock.millis())));
        }
        return logs(run, run.serveLogsRequest(clock.millis()), page);
    }

    private Reply create(long orgId, RequestParams params, Credentials credentials, String body) {
        if (!params.problems().isEmpty()) {
            return Reply.json(422, ErrorBodies.validation(params.problems()));
        }
        if (!organizations.contains(orgId)) {
            return Reply.json(403, ErrorBodies.FORBIDDEN);
        }
        long waitMillis = creation.acquire(credentials.token());
        if (waitMillis > 0) {
            return Reply.json(429, ErrorBodies.RATE_LIMITED).withHeader("Retry-After", Long.toString((waitMillis + 999) / 1000));
        }
        return creation.create(orgId, body);
    }

    private Reply logs(SimulatedRun run, SimulatedRun.View view, RequestParams.Page page) {
        Fault fault = faults.next();
        if (fault == null) {
            return Reply.json(200, RunBodies.logsPage(run, view, page, null));
        }
        return switch (fault.kind()) {
            case STATUS -> Reply.json(fault.number(), ErrorBodies.forStatus(fault.number())).withFault(fault);
            case RATE_LIMITED -> {
                Reply reply = Reply.json(429, ErrorBodies.RATE_LIMITED).withFault(fault);
                yield fault.retryAfter() == null ? reply : reply.withHeader("Retry-After", fault.retryAfter());
            }
            case HTML_PAGE -> Reply.bytes(200, SIGN_IN_PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")
                    .withFault(fault);
            case EMPTY_BODY -> Reply.bytes(200, new byte[0], Reply.JSON).withFault(fault);
            case WRONG_CONTENT_TYPE -> Reply.bytes(200, RunBodies.logsPage(run, view, page, fault).getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8").withFault(fault);
            case INVALID_UTF8 -> Reply.bytes(200, RunBodies.withInvalidUtf8(RunBodies.logsPage(run, view, page, fault)), Reply.JSON)
                    .withFault(fault);
            case TRUNCATED_JSON -> {
                String full = RunBodies.logsPage(run, view, page, fault);
                yield Reply.json(200, full.substring(0, full.length() / 2)).withFault(fault);
            }
            default -> Reply.json(200, RunBodies.logsPage(run, view, page, fault)).withFault(fault);
        };
    }

    private static final String SIGN_IN_PAGE = "<!DOCTYPE html><html><head><title>Sign in</title></head>"
            + "<body><h1>Sign in to continue</h1><form method=\"post\"><input name=\"user\"></form></body></html>";

    private Reply rateLimited(long waitMillis) {
        Reply reply = Reply.json(429, ErrorBodies.RATE_LIMITED);
        return switch (retryAfter) {
            case SECONDS -> reply.withHeader("Retry-After", Long.toString((waitMillis + 999) / 1000));
            // HTTP dates have whole seconds: round up so a client that waits until then gets a token.
            case HTTP_DATE -> reply.withHeader("Retry-After",
                    HTTP_DATE.format(Instant.ofEpochSecond((clock.millis() + waitMillis + 999) / 1000)));
            case NONE -> reply;
        };
    }
}
