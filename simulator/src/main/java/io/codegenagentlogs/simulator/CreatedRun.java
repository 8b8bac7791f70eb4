package io.codegenagentlogs.simulator;

/**
 * A run the simulator created on {@code POST /v1/organizations/{org_id}/agent/run}: what was asked
 * and the id it got.
 *
 * @param repoId the {@code repo_id} sent, or null
 */
public record CreatedRun(long orgId, String prompt, Long repoId, long runId) {
}
