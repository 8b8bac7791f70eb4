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
        if (anomaly == Fault.Kind.MISSING_TOTAL) {
            return body.append(",\"page\":").append(page.skip() / page.limit() + 1)
                    .append(",\"size\":").append(page.limit()).append('}').toString();
        }
        return body.append(",\"total_logs\":").append(total)
                .append(",\"page\":").append(page.skip() / page.limit() + 1)
                .append(",\"size\":").append(page.limit())
                .append(",\"pages\":").append((total + (long) page.limit() - 1) / page.limit())
                .append('}').toString();
    }

    /**
     * The page's UTF-8 with a member {@code "x":"<C3 28>"} added to its first entry, or to the page
     * itself when it has none: well-formed JSON whose bytes are not UTF-8.
     */
    static byte[] withInvalidUtf8(String page) {
        int logs = page.indexOf("\"logs\":[{");
        int at = logs >= 0 ? logs + "\"logs\":[{".length() : 1;
        byte[] head = page.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = page.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] member = {'"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', ','};
        byte[] out = new byte[head.length + member.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(member, 0, out, head.length, member.length);
        System.arraycopy(tail, 0, out, head.length + member.length, tail.length);
        return out;
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
