package io.codegenagentlogs.simulator;

import java.util.List;

/**
 * A run as the scenario defines it. {@code logs} hold each entry's raw JSON text; {@code generated}
 * (nullable) adds synthetic entries after them; {@code metadataJson} is raw JSON text too.
 */
record RunSpec(long id, long organizationId, String status, String createdAt, String webUrl, String result,
               String metadataJson, List<String> logs, SyntheticLogs generated, List<Stage> stages) {
    int scenarioLogCount() {
        return logs.size() + (generated == null ? 0 : generated.size());
    }
}
