package io.codegenagentlogs.core.report;

import java.io.Serializable;
import java.util.List;

/**
 * What the agent changed, for audit: the code-changing calls in log (time) order, the files they
 * touched, the pull requests it opened and the commits it made. Each list keeps the first ones up
 * to its cap and counts the rest.
 *
 * @param changes the first code-changing calls, at most {@link #MAX_CHANGES}
 * @param changeTotal every code-changing call
 * @param files distinct file paths in the order first touched, at most {@link #MAX_FILES}
 * @param fileTotal distinct file paths seen (an estimate once past the cap: see {@link #fileTotalExact})
 * @param fileTotalExact false when the distinct count went past what is remembered, so {@code fileTotal} is a lower bound
 * @param pullRequests distinct pull-request URLs, at most {@link #MAX_PULL_REQUESTS}
 * @param commits distinct commit ids, at most {@link #MAX_COMMITS}
 * @param rules the change-tool patterns the trail was made with ({@link ChangeRules#toString()})
 */
public record AuditTrail(List<ChangeRecord> changes, long changeTotal, List<String> files, long fileTotal,
        boolean fileTotalExact, List<String> pullRequests, List<String> commits, String rules) implements Serializable {
    public static final int MAX_CHANGES = 500;
    public static final int MAX_FILES = 1000;
    public static final int MAX_FILES_PER_CHANGE = 10;
    /** The paths of one change together: past this many characters, further paths are not kept. */
    public static final int MAX_FILE_CHARS_PER_CHANGE = 1000;
    public static final int MAX_PULL_REQUESTS = 50;
    public static final int MAX_COMMITS = 200;
    /** A path or URL longer than this is not one; it is skipped. */
    public static final int MAX_PATH_CHARS = 500;

    public static final AuditTrail EMPTY = new AuditTrail(List.of(), 0, List.of(), 0, true, List.of(), List.of(), ChangeRules.defaults().toString());

    public AuditTrail {
        changes = List.copyOf(changes);
        files = List.copyOf(files);
        pullRequests = List.copyOf(pullRequests);
        commits = List.copyOf(commits);
    }

    public boolean isEmpty() {
        return changeTotal == 0 && pullRequests.isEmpty() && commits.isEmpty();
    }
}
