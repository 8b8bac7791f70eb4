package io.codegenagentlogs.core.report;

/**
 * One build in a trend across builds: what its agent runs came to, in numbers. A build that watched
 * several runs adds them up.
 *
 * @param label the build, as people name it ("#12"); our own text or a build's display name (escaped when drawn)
 * @param verdict the worst verdict of the build's runs (FAILED over TIMED_OUT over ERROR over PASSED), or null
 * @param failingEntries entries of a type the gate fails on
 * @param errorEntries ERROR entries, or null when unknown (a build made before they were kept)
 * @param actions ACTION entries, or null when unknown
 * @param agentRunMillis how long the agent ran (first entry to last; several runs of a build add up), or null when unknown
 */
public record TrendPoint(String label, String verdict, long failingEntries, Long errorEntries, Long actions,
        Long agentRunMillis) {

    /** The agent run's duration as people read it ("7m 00s"), or "" when unknown. */
    public String agentRunText() {
        return agentRunMillis == null ? "" : HumanFormat.millis(agentRunMillis);
    }
}
