package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * A group of failing or ERROR entries that went wrong the same way: same tool, same message once
 * numbers, paths, URLs and ids are masked (see {@link MessagePattern}).
 *
 * @param tool the tool name, or null when the entries named none
 * @param pattern the masked one-line message, e.g. {@code Command failed with exit code <n>}
 * @param count entries in the group
 * @param types the normalized message types seen in the group, comma-separated (bounded)
 * @param firstIndex the first entry's zero-based position in the log
 * @param firstCreatedAt the first entry's {@code created_at} as sent, or null
 * @param firstMessage the first entry's message, unmasked, one line, bounded
 */
public record FailurePattern(String tool, String pattern, long count, String types, long firstIndex,
        String firstCreatedAt, String firstMessage) implements Serializable {
}
