package io.codegenagentlogs.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an {@code AgentRunWithLogsResponse} as it streams from the response body. Each entry of
 * {@code logs} is kept as the exact bytes it arrived as ({@link EntryReader}); the run's scalars are
 * read; unknown fields are checked and skipped. Nothing is tree-parsed, nothing recurses, and the
 * page is never held as one string.
 *
 * <p>A page may be at most {@link #MAX_PAGE_BYTES}: 100 entries of half a mebibyte each fit, and a
 * body past the cap fails with a clear error instead of an OutOfMemoryError.
 */
final class PageDecoder {
    private static final byte[][] KEYS = JsonScanner.keys("logs", "id", "organization_id", "status", "created_at", "web_url",
            "result", "total_logs");

    /** 64 MiB: the largest page read; a larger one is an error ("the page is larger than 64 MiB"). */
    static final long MAX_PAGE_BYTES = 64L << 20;

    private PageDecoder() {
    }

    /**
     * @param requestedRunId used when the response does not say (the schema requires it, real servers vary)
     * @throws MalformedPageException when the body is not a logs page, naming the entry and what is wrong
     * @throws IOException when the body cannot be read to its end (a connection cut mid-body)
     */
    static LogPage decode(InputStream body, long requestedOrgId, long requestedRunId) throws IOException {
        return decode(new JsonScanner(body, MAX_PAGE_BYTES), requestedOrgId, requestedRunId);
    }

    static LogPage decode(JsonScanner s, long orgId, long runId) throws IOException {
        int first = s.peekNonSpace();
        if (first < 0) {
            throw MalformedPageException.syntax("the body is empty", 0);
        }
        if (first != '{') {
            throw s.unexpected(first, "a JSON object");
        }
        s.skipByte();
        long id = runId;
        long organizationId = orgId;
        String status = null;
        String createdAt = null;
        String webUrl = null;
        String result = null;
        Long totalLogs = null;
        List<LogEntry> logs = new ArrayList<>();
        boolean logsSeen = false;
        boolean logsNull = false;
        if (s.peekNonSpace() == '}') {
            s.skipByte();
        } else {
            while (true) {
                if (s.peekNonSpace() != '"') {
                    throw s.peekNonSpace() < 0 ? s.truncated("a member name") : s.unexpected(s.peekNonSpace(), "a member name");
                }
                int key = s.readKey(KEYS);
                s.expect(':', "':'");
                switch (key) {
                    case 0 -> {
                        logsSeen = true;
                        logs.clear();
                        logsNull = !readLogs(s, logs);
                    }
                    case 1 -> id = s.readLong(runId);
                    case 2 -> organizationId = s.readLong(orgId);
                    case 3 -> status = s.readText();
                    case 4 -> createdAt = s.readText();
                    case 5 -> webUrl = s.readText();
                    case 6 -> result = s.readText();
                    case 7 -> {
                        long t = s.readLong(-1);
                        totalLogs = t < 0 ? null : t;
                    }
                    default -> s.skipValue(); // metadata, page, size, pages, fields added later
                }
                if (s.endOrComma('}', "',' or '}'")) {
                    break;
                }
            }
        }
        int after = s.peekNonSpace();
        if (after >= 0) {
            throw s.unexpected(after, "the end of the page");
        }
        RunInfo run = new RunInfo(id, organizationId, status, createdAt, webUrl, result);
        return new LogPage(run, logs, !logsSeen || logsNull, totalLogs);
    }

    /** @return false when the value is null */
    private static boolean readLogs(JsonScanner s, List<LogEntry> into) throws IOException {
        if (s.nextIsNull()) {
            return false;
        }
        int c = s.peekNonSpace();
        if (c != '[') {
            throw c < 0 ? s.truncated("the logs array") : s.unexpected(c, "'[' (logs is an array)");
        }
        s.skipByte();
        if (s.peekNonSpace() == ']') {
            s.skipByte();
            return true;
        }
        while (true) {
            s.peekNonSpace();
            long start = s.offset();
            try {
                into.add(EntryReader.fromPage(s));
            } catch (MalformedPageException e) {
                throw e.inEntry(into.size(), start);
            }
            if (s.endOrComma(']', "',' or ']' in logs")) {
                return true;
            }
        }
    }
}
