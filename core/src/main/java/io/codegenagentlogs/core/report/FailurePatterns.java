package io.codegenagentlogs.core.report;

import java.io.Serializable;
import java.util.List;

/**
 * Failing and ERROR entries grouped by tool and masked message, most frequent first.
 *
 * @param groups at most {@link #MAX_GROUPS}, by count (ties: first seen first)
 * @param entries every entry grouped or not: failing-type and ERROR entries together
 * @param ungrouped entries that fell outside the groups kept (once {@link #MAX_TRACKED} distinct groups were seen)
 * @param groupTotal distinct groups seen, at most {@link #MAX_TRACKED}
 */
public record FailurePatterns(List<FailurePattern> groups, long entries, long ungrouped, int groupTotal)
        implements Serializable {
    /** Groups shown. */
    public static final int MAX_GROUPS = 50;
    /** Groups counted; entries of further groups are only counted as ungrouped. */
    public static final int MAX_TRACKED = 500;

    public static final FailurePatterns EMPTY = new FailurePatterns(List.of(), 0, 0, 0);

    public FailurePatterns {
        groups = List.copyOf(groups);
    }
}
