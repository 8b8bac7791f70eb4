package io.codegenagentlogs.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups failing and ERROR entries into {@link FailurePatterns}, in bounded memory. Not thread-safe. */
final class PatternCollector {
    private static final int MAX_TYPES_TEXT = 200;

    private final Map<String, Group> groups = new HashMap<>();
    private long entries;
    private long ungrouped;

    /** @param message the entry's one-line message (already cleaned and bounded) */
    void onEntry(long index, String createdAt, String type, String tool, String message) {
        entries++;
        String pattern = MessagePattern.of(message);
        String key = (tool == null ? "" : tool) + '\u0000' + pattern;
        Group g = groups.get(key);
        if (g == null) {
            if (groups.size() >= FailurePatterns.MAX_TRACKED) {
                ungrouped++;
                return;
            }
            g = new Group(tool, pattern, index, createdAt, message);
            groups.put(key, g);
        }
        g.count++;
        if (g.types.size() < 5) {
            g.types.add(type);
        }
    }

    FailurePatterns snapshot() {
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparingLong((Group g) -> g.count).reversed().thenComparingLong(g -> g.firstIndex));
        List<FailurePattern> shown = new ArrayList<>();
        for (Group g : sorted.subList(0, Math.min(FailurePatterns.MAX_GROUPS, sorted.size()))) {
            String types = String.join(", ", g.types);
            shown.add(new FailurePattern(g.tool, g.pattern, g.count,
                    types.length() > MAX_TYPES_TEXT ? SummaryAccumulator.cut(types, MAX_TYPES_TEXT) + "…" : types,
                    g.firstIndex, g.firstCreatedAt, g.firstMessage));
        }
        return new FailurePatterns(shown, entries, ungrouped, groups.size());
    }

    private static final class Group {
        final String tool;
        final String pattern;
        final long firstIndex;
        final String firstCreatedAt;
        final String firstMessage;
        final Set<String> types = new LinkedHashSet<>();
        long count;

        Group(String tool, String pattern, long firstIndex, String firstCreatedAt, String firstMessage) {
            this.tool = tool;
            this.pattern = pattern;
            this.firstIndex = firstIndex;
            this.firstCreatedAt = firstCreatedAt;
            this.firstMessage = firstMessage;
        }
    }
}
