package io.codegenagentlogs.core.report;

import java.io.Serializable;
import java.util.List;

/**
 * How efficiently the agent worked, and whether it went in circles.
 *
 * @param actions ACTION entries
 * @param planEvaluations PLAN_EVALUATION entries
 * @param toolCalls entries naming a tool (the sum of {@link ToolStats#calls()})
 * @param distinctCalls distinct (tool, input) pairs among the calls checked for repeats (ERROR entries are not:
 *     they report on a call rather than make one)
 * @param untrackedCalls calls not checked for repeats, because {@link #MAX_TRACKED_CALLS} distinct calls were already tracked
 * @param repeatedCalls calls made more than once, most repeated first, at most {@link #MAX_SHOWN}
 * @param repeatedTotal distinct calls that were made more than once, shown or not
 * @param loopTotal distinct calls made at least {@link #LOOP_CALLS} times (possible loops), shown or not
 * @param maxCalls how many times the most repeated call was made (1 when no call was repeated, 0 without calls)
 * @param maxCallTool that call's tool, or null
 */
public record Reasoning(long actions, long planEvaluations, long toolCalls, long distinctCalls, long untrackedCalls,
        List<RepeatedCall> repeatedCalls, long repeatedTotal, long loopTotal, long maxCalls, String maxCallTool)
        implements Serializable {
    /** Distinct calls tracked for repeats (under 1 MB in all). */
    public static final int MAX_TRACKED_CALLS = 16_384;
    public static final int MAX_SHOWN = 20;
    /** A call made at least this many times is flagged as a possible loop. */
    public static final int LOOP_CALLS = 3;

    public static final Reasoning EMPTY = new Reasoning(0, 0, 0, 0, 0, List.of(), 0, 0, 0, null);

    public Reasoning {
        repeatedCalls = List.copyOf(repeatedCalls);
    }

    /** ACTION entries per PLAN_EVALUATION, or null when there was no plan evaluation. */
    public Double actionsPerPlanEvaluation() {
        return planEvaluations == 0 ? null : (double) actions / planEvaluations;
    }

    /** The most repeated call, or null when no call was made twice. */
    public RepeatedCall mostRepeated() {
        return repeatedCalls.isEmpty() ? null : repeatedCalls.get(0);
    }

    /** The most repeated call as the gate's loop rule reads it. */
    public io.codegenagentlogs.core.gate.CallRepeat callRepeat() {
        return maxCalls < 2 ? io.codegenagentlogs.core.gate.CallRepeat.NONE
                : new io.codegenagentlogs.core.gate.CallRepeat(maxCallTool, maxCalls);
    }
}
