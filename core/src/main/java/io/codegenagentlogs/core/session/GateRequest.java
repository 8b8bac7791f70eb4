package io.codegenagentlogs.core.session;

import io.codegenagentlogs.core.api.Ids;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.ChangeRules;
import io.codegenagentlogs.core.watch.WatchOptions;
import java.io.Serializable;

/** What to gate and how: the run, the policy, the watch options. Small and serializable. */
public final class GateRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long orgId;
    private final long runId;
    private final GatePolicy policy;
    private final WatchOptions options;
    private final boolean failFast;
    private final ChangeRules changeRules;

    private GateRequest(Builder b) {
        this.orgId = Ids.requirePositive("organization id", b.orgId);
        this.runId = Ids.requirePositive("run id", b.runId);
        this.policy = b.policy;
        this.options = b.options;
        this.failFast = b.failFast;
        this.changeRules = b.changeRules;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long orgId() {
        return orgId;
    }

    public long runId() {
        return runId;
    }

    public GatePolicy policy() {
        return policy;
    }

    public WatchOptions options() {
        return options;
    }

    /**
     * Whether to stop watching as soon as the verdict can no longer change (more failing entries than
     * the policy tolerates): the report is written, marked as stopped early, and the gate fails. Off
     * by default: the default is to read the whole run.
     */
    public boolean failFast() {
        return failFast;
    }

    /** Which tool calls the report lists as changes made by the agent. */
    public ChangeRules changeRules() {
        return changeRules == null ? ChangeRules.defaults() : changeRules;
    }

    public static final class Builder {
        private long orgId;
        private long runId;
        private GatePolicy policy = GatePolicy.defaults();
        private WatchOptions options = WatchOptions.defaults();
        private boolean failFast;
        private ChangeRules changeRules = ChangeRules.defaults();

        public Builder orgId(long orgId) {
            this.orgId = orgId;
            return this;
        }

        public Builder runId(long runId) {
            this.runId = runId;
            return this;
        }

        public Builder policy(GatePolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder options(WatchOptions options) {
            this.options = options;
            return this;
        }

        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        public Builder changeRules(ChangeRules changeRules) {
            this.changeRules = changeRules;
            return this;
        }

        /** @throws IllegalArgumentException when an id is not a positive integer */
        public GateRequest build() {
            return new GateRequest(this);
        }
    }
}
