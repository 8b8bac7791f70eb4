package io.codegenagentlogs.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Decides the answer to one request, in the order the real service checks things: route, token,
 * rate limit, parameters, run, and finally any fault aimed at this logs request.
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

    Api(Scenario scenario, Map<Long, SimulatedRun> runs, FaultSchedule faults, Clock clock) {
        this.routes = new Routes(scenario.paths());
        RateLimit limit = scenario.rateLimit();
        this.limiter = limit == null ? null : new RateLimiter(limit, clock);
        this.retryAfter = limit == null ? null : limit.retryAfter();
        this.runs = runs;
        this.faults = faults;
        this.clock = clock;
    }

    Reply respond(String method, String path, Map<String, String> query, Credentials credentials) {
        Routes.Match route = routes.match(method, path);
        if (route == null) {
            return Reply.json(404, ErrorBodies.ROUTE_NOT_FOUND);
        }
        if (credentials.token() == null) {
            return Reply.json(401, ErrorBodies.MISSING_TOKEN);
        }
        if (!credentials.authorized()) {
            return Reply.json(403, ErrorBodies.FORBIDDEN);
        }
        long waitMillis = limiter == null ? 0 : limiter.acquire(credentials.token());
        if (waitMillis > 0) {
            return rateLimited(waitMillis);
        }
        RequestParams params = new RequestParams();
        // In the order of the OpenAPI operation's parameters, as FastAPI reports them.
        long runId = params.pathId("agent_run_id", route.runId());
        long orgId = params.pathId("org_id", route.orgId());
        RequestParams.Page page = route.kind() == Routes.Kind.LOGS ? params.page(query) : null;
        if (!params.problems().isEmpty()) {
            return Reply.json(422, ErrorBodies.validation(params.problems()));
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
            default -> Reply.json(200, RunBodies.logsPage(run, view, page, fault)).withFault(fault);
        };
    }

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
