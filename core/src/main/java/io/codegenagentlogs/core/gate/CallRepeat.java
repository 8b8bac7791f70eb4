package io.codegenagentlogs.core.gate;

/**
 * The tool call a run repeated most, with the very same input: what the loop rule of
 * {@link GatePolicy#maxIdenticalCalls()} looks at.
 *
 * @param tool the tool name (agent text: printable, but not escaped), or null for {@link #NONE}
 * @param calls how many times that identical call was made; 0 for {@link #NONE}
 */
public record CallRepeat(String tool, long calls) {
    /** No call was made twice (or nothing was tracked). */
    public static final CallRepeat NONE = new CallRepeat(null, 0);
}
