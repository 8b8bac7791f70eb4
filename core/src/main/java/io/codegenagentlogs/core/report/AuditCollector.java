package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.LogEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the {@link AuditTrail} one entry at a time, in bounded memory. Not thread-safe: the accumulator guards it. */
final class AuditCollector {
    /** Distinct files remembered (as hashes) to count them past {@link AuditTrail#MAX_FILES}. */
    private static final int MAX_FILE_HASHES = 20_000;
    /**
     * Entries besides code-changing calls whose observation may announce a pull request the agent
     * opened. User messages and issue comments quote other people's; failing entries quote failures.
     */
    private static final Set<String> ANNOUNCING_TYPES = Set.of("INITIAL_PR_GENERATION", "DETECT_PR_ERRORS",
            "FIX_PR_ERRORS", "PR_EVALUATION", "COMMIT_EVALUATION", "FINAL_ANSWER");

    private final ChangeRules rules;
    private final List<ChangeRecord> changes = new ArrayList<>();
    private long changeTotal;
    private final LinkedHashSet<String> files = new LinkedHashSet<>();
    private final Set<Long> fileHashes = new HashSet<>();
    private long fileTotal;
    private boolean fileTotalExact = true;
    private final LinkedHashSet<String> pullRequests = new LinkedHashSet<>();
    private final LinkedHashSet<String> commits = new LinkedHashSet<>();

    AuditCollector(ChangeRules rules) {
        this.rules = rules;
    }

    /**
     * @param call whether the entry is a tool call (names a tool, not an ERROR entry)
     * @param failed whether its result reported a failure
     */
    void onEntry(long index, LogEntry entry, String tool, boolean call, boolean failed) {
        boolean change = false;
        String command = null;
        if (call) {
            if (rules.isChangeTool(tool)) {
                change = true;
            } else if (rules.isCommandTool(tool)) {
                command = ChangeExtractor.command(entry.toolInput());
                change = command != null && ChangeRules.CHANGING_COMMAND.matcher(command).find();
                if (!change) {
                    command = null;
                }
            }
        }
        boolean announcing = !change && ANNOUNCING_TYPES.contains(entry.normalizedType());
        if (!change && !announcing) {
            return;
        }
        List<String> prs = new ArrayList<>(2);
        if (announcing) {
            // a pull request announced outside a change (a PR-agent entry, a final answer): kept, not listed
            ChangeExtractor.pullRequests(entry.observation(), 5, prs);
            ChangeExtractor.pullRequests(entry.toolOutput(), 5, prs);
            addAll(pullRequests, prs, AuditTrail.MAX_PULL_REQUESTS);
            return;
        }
        ChangeExtractor.pullRequests(entry.toolOutput(), 5, prs);
        ChangeExtractor.pullRequests(entry.observation(), 5, prs);
        List<String> touched = new ArrayList<>(2);
        ChangeExtractor.files(entry.toolInput(), AuditTrail.MAX_FILES_PER_CHANGE, touched);
        List<String> shas = new ArrayList<>(1);
        ChangeExtractor.commits(entry.toolOutput(), 10, shas);
        ChangeExtractor.commits(entry.observation(), 10, shas);

        if (failed) {
            // a failed call made nothing; what its error names (an existing PR, say) is not the agent's
            prs.clear();
            shas.clear();
        }
        changeTotal++;
        if (changes.size() < AuditTrail.MAX_CHANGES) {
            changes.add(new ChangeRecord(index, SummaryAccumulator.boundedOrNull(entry.createdAtText()), tool, touched,
                    command == null ? null : SummaryAccumulator.cut(command, AuditTrail.MAX_PATH_CHARS), prs, shas, failed));
        }
        for (String f : touched) {
            if (fileHashes.size() < MAX_FILE_HASHES) {
                if (fileHashes.add(hash(f))) {
                    fileTotal++;
                }
            } else if (!files.contains(f)) {
                fileTotalExact = false;
            }
            if (files.size() < AuditTrail.MAX_FILES) {
                files.add(f);
            }
        }
        addAll(pullRequests, prs, AuditTrail.MAX_PULL_REQUESTS);
        addAll(commits, shas, AuditTrail.MAX_COMMITS);
    }

    AuditTrail snapshot() {
        return new AuditTrail(changes, changeTotal, new ArrayList<>(files), fileTotal, fileTotalExact,
                new ArrayList<>(pullRequests), new ArrayList<>(commits), rules.toString());
    }

    private static void addAll(Set<String> to, List<String> items, int max) {
        for (String s : items) {
            if (to.size() >= max) {
                return;
            }
            to.add(s);
        }
    }

    /** 64-bit FNV-1a: distinct paths collide with negligible probability at these counts. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
