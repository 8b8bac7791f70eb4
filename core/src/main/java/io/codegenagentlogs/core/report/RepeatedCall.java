package io.codegenagentlogs.core.report;

import java.io.Serializable;

/**
 * One tool call made more than once with the very same input: a sign the agent may be going in circles.
 *
 * @param tool the tool name
 * @param input the input as one line of compact JSON, bounded ({@code null} when the call had none)
 * @param calls how many times this exact call was made
 * @param firstIndex the first call's zero-based position in the log
 */
public record RepeatedCall(String tool, String input, long calls, long firstIndex) implements Serializable {
}
