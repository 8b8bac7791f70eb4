package io.codegenagentlogs.simulator;

/**
 * The 200 bodies: AgentRunWithLogsResponse for logs pages, AgentRunResponse for the run itself.
 * Log entries go out as their stored raw text, never re-serialised.
 */
final class RunBodies {
    private RunBodies() {
    }

    /** One logs page; a content fault (shrink_total, empty_page, repeat_entries, null_logs) bends it. */
    static String logsPage(SimulatedRun run, SimulatedRun.View view, RequestParams.Page page, Fault fault) {
        Fault.Kind anomaly = fault == null ? null : fault.kind();
        int total = anomaly == Fault.Kind.SHRINK_TOTAL ? fault.number() : view.visibleLogs();
        int available = Math.min(total, view.visibleLogs());
        long start = anomaly == Fault.Kind.REPEAT_ENTRIES ? Math.max(0, page.skip() - fault.number()) : page.skip();
        long end = anomaly == Fault.Kind.EMPTY_PAGE ? start : Math.min(available, start + page.limit());

        StringBuilder body = runFields(run, view).append(",\"logs\":");
        if (anomaly == Fault.Kind.NULL_LOGS) {
            body.append("null");
        } else {
            body.append('[');
            for (long i = start; i < end; i++) {
                int index = (int) (page.reverse() ? available - 1 - i : i);
                body.append(i == start ? "" : ",").append(run.entry(index));
            }
            body.append(']');
        }
        return body.append(",\"total_logs\":").append(total)
                .append(",\"page\":").append(page.skip() / page.limit() + 1)
                .append(",\"size\":").append(page.limit())
                .append(",\"pages\":").append((total + (long) page.limit() - 1) / page.limit())
                .append('}').toString();
    }

    /** AgentRunResponse: the run without logs, plus the fields only that endpoint has. */
    static String run(SimulatedRun run, SimulatedRun.View view) {
        return runFields(run, view)
                .append(",\"summary\":null,\"source_type\":null,\"github_pull_requests\":[]}")
                .toString();
    }

    /** The fields both responses share, left open for more. */
    private static StringBuilder runFields(SimulatedRun run, SimulatedRun.View view) {
        RunSpec spec = run.spec();
        return new StringBuilder(4096)
                .append("{\"id\":").append(spec.id())
                .append(",\"organization_id\":").append(spec.organizationId())
                .append(",\"status\":").append(Json.quote(view.status()))
                .append(",\"created_at\":").append(Json.quote(spec.createdAt()))
                .append(",\"web_url\":").append(Json.quote(spec.webUrl()))
                .append(",\"result\":").append(Json.quote(spec.result()))
                .append(",\"metadata\":").append(spec.metadataJson());
    }
}
