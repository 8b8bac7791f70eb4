package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.codegenagentlogs.core.api.AgentRunCreator;
import io.codegenagentlogs.core.api.BaseUrls;
import io.codegenagentlogs.core.api.Durations;
import io.codegenagentlogs.core.api.Ids;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.ChangeRules;
import io.codegenagentlogs.core.gate.MessageTypes;
import io.codegenagentlogs.core.session.GateRequest;
import io.codegenagentlogs.core.watch.WatchOptions;
import io.jenkins.plugins.codegenagentlogs.CodegenGlobalConfiguration.FormChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code codegenAgentLogs}: follows a Codegen agent run to its end, streams its log entries into
 * the build console, gates the build on them and leaves a report on the build page.
 *
 * <pre>
 * def result = codegenAgentLogs(runId: '12345', orgId: '67890', credentialsId: 'codegen-token',
 *                               failOn: ['ERROR', 'PR_CREATION_FAILED'], buildResult: 'UNSTABLE')
 * if (result.verdict != 'PASSED') { ... }
 * </pre>
 *
 * The step only binds parameters; the watching is {@link CodegenAgentLogsExecution}'s, the rules are the core's.
 */
public final class CodegenAgentLogsStep extends Step {
    static final String FUNCTION_NAME = "codegenAgentLogs";
    /** The core's defaults, in a stable order for forms and snippets. */
    static final List<String> DEFAULT_FAIL_ON = List.copyOf(new TreeSet<>(GatePolicy.DEFAULT_FAIL_ON));

    private final String runId;
    private String orgId;
    private String credentialsId;
    private String baseUrl;
    private ArrayList<String> failOn = new ArrayList<>(DEFAULT_FAIL_ON);
    private boolean failOnRunStatus = true;
    private int maxFailures;
    private int maxIdenticalCalls;
    /** Glob patterns of the tools whose calls change code (the report's audit trail); null = the core's defaults. */
    private ArrayList<String> changeTools;
    private String buildResult = BuildResultMode.FAILURE.name();
    private int pollInterval = (int) WatchOptions.defaults().pollInterval().toSeconds();
    private int timeoutMinutes = (int) WatchOptions.defaults().timeout().toMinutes();
    private String maxOutage = Durations.format(WatchOptions.defaults().maxOutage());
    private boolean failFast;
    private String prompt;
    private String repoId;

    @DataBoundConstructor
    public CodegenAgentLogsStep(String runId) {
        this.runId = Util.fixNull(runId).trim();
    }

    public String getRunId() {
        return runId;
    }

    public @CheckForNull String getOrgId() {
        return orgId;
    }

    /** Defaults to the global configuration's organization id. */
    @DataBoundSetter
    public void setOrgId(String orgId) {
        this.orgId = Util.fixEmptyAndTrim(orgId);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    /** A "Secret text" credential holding the Codegen API token; defaults to the global configuration's. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public @CheckForNull String getBaseUrl() {
        return baseUrl;
    }

    /** Defaults to the global configuration's base URL, else {@code https://api.codegen.com}. */
    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
    }

    /** Message types whose entries fail the gate, upper case. */
    public List<String> getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(List<String> failOn) {
        this.failOn = normalizeTypes(failOn == null ? List.of() : failOn);
    }

    /** The form's view of {@link #getFailOn()}: comma-separated. */
    public String getFailOnText() {
        return String.join(", ", failOn);
    }

    public boolean isFailOnRunStatus() {
        return failOnRunStatus;
    }

    @DataBoundSetter
    public void setFailOnRunStatus(boolean failOnRunStatus) {
        this.failOnRunStatus = failOnRunStatus;
    }

    public int getMaxFailures() {
        return maxFailures;
    }

    @DataBoundSetter
    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    public int getMaxIdenticalCalls() {
        return maxIdenticalCalls;
    }

    /** The loop rule: fail when one identical tool call (same tool, same input) is made more than this many times; 0 = off. */
    @DataBoundSetter
    public void setMaxIdenticalCalls(int maxIdenticalCalls) {
        this.maxIdenticalCalls = maxIdenticalCalls;
    }

    public @CheckForNull List<String> getChangeTools() {
        return changeTools;
    }

    /**
     * Which tool calls the report lists as changes made by the agent: tool names with {@code *} as a
     * wildcard, e.g. {@code ['*write*', 'apply_patch']}; null or absent keeps the defaults.
     */
    @DataBoundSetter
    public void setChangeTools(@CheckForNull List<String> changeTools) {
        this.changeTools = changeTools == null ? null : new ArrayList<>(changeTools);
    }

    /** The form's view of {@link #getChangeTools()}: comma-separated; the defaults when not set. */
    public String getChangeToolsText() {
        return String.join(", ", changeTools == null ? ChangeRules.DEFAULT_PATTERNS : changeTools);
    }

    public String getBuildResult() {
        return buildResult;
    }

    /** {@code FAILURE} (a failed gate fails the step) or {@code UNSTABLE} (it marks the build and goes on). */
    @DataBoundSetter
    public void setBuildResult(String buildResult) {
        String v = Util.fixEmptyAndTrim(buildResult);
        this.buildResult = v == null ? BuildResultMode.FAILURE.name() : v.toUpperCase(Locale.ROOT);
    }

    public int getPollInterval() {
        return pollInterval;
    }

    /** Seconds between two requests once every entry so far has been fetched. */
    @DataBoundSetter
    public void setPollInterval(int pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** The longest the step waits for the run to end, restarts included. */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    public String getMaxOutage() {
        return maxOutage;
    }

    /**
     * How long the Codegen API may keep failing after it has answered once before the step gives up,
     * with a unit: {@code '10m'}, {@code '90s'}, {@code '1h'}. Default 10 minutes.
     */
    @DataBoundSetter
    public void setMaxOutage(String maxOutage) {
        String v = Util.fixEmptyAndTrim(maxOutage);
        this.maxOutage = v == null ? Durations.format(WatchOptions.defaults().maxOutage()) : v;
    }

    public boolean isFailFast() {
        return failFast;
    }

    /** Stop as soon as the verdict can no longer change (more failing entries than tolerated). */
    @DataBoundSetter
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public @CheckForNull String getPrompt() {
        return prompt;
    }

    /**
     * Instead of {@code runId}: create an agent run with this prompt first, then gate it. The run is
     * created once, even across a controller restart.
     */
    @DataBoundSetter
    public void setPrompt(String prompt) {
        this.prompt = prompt == null || prompt.isBlank() ? null : prompt;
    }

    public @CheckForNull String getRepoId() {
        return repoId;
    }

    /** With {@code prompt}: the Codegen repository the new run works on; default the organization's. */
    @DataBoundSetter
    public void setRepoId(String repoId) {
        this.repoId = Util.fixEmptyAndTrim(repoId);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new CodegenAgentLogsExecution(context, resolve(CodegenGlobalConfiguration.get()));
    }

    /**
     * Applies the global defaults and validates everything that can be checked without the network.
     *
     * @throws AbortException with one actionable line, before anything else happens
     */
    CodegenAgentLogsExecution.Settings resolve(CodegenGlobalConfiguration global) throws AbortException {
        String effectiveOrg = orgId != null ? orgId : global.getOrgId();
        String effectiveCredentials = credentialsId != null ? credentialsId : global.getCredentialsId();
        String effectiveBaseUrl = baseUrl != null ? baseUrl : global.getEffectiveBaseUrl();
        try {
            Long repo = null;
            long run;
            if (prompt != null) {
                if (!runId.isEmpty()) {
                    throw new IllegalArgumentException("give runId (gate a run) or prompt (create a run, then gate it), not both");
                }
                if (prompt.length() > AgentRunCreator.MAX_PROMPT_CHARS) {
                    throw new IllegalArgumentException("the prompt has " + prompt.length() + " characters, more than "
                            + AgentRunCreator.MAX_PROMPT_CHARS);
                }
                repo = repoId == null ? null : Ids.parse("repository id (repoId)", repoId);
                run = CodegenAgentLogsExecution.Settings.RUN_TO_CREATE;
            } else {
                if (repoId != null) {
                    throw new IllegalArgumentException("repoId is for a run created with prompt; this step gates run " + runId);
                }
                run = Ids.parse("run id (runId)", runId);
            }
            if (effectiveOrg == null) {
                throw new AbortException("The organization id is missing: pass orgId: '<your Codegen organization id>' "
                        + "to " + FUNCTION_NAME + ", or set a default in " + CodegenCredentials.WHERE_TO_CONFIGURE);
            }
            long org = Ids.parse("organization id (orgId)", effectiveOrg);
            BaseUrls.parse(effectiveBaseUrl);
            if (baseUrl != null && !global.isAllowedBaseUrl(baseUrl)) {
                throw new AbortException(notAllowed(baseUrl));
            }
            BuildResultMode mode = BuildResultMode.parse(buildResult);
            if (timeoutMinutes < 1) {
                throw new IllegalArgumentException("timeoutMinutes must be at least 1, got " + timeoutMinutes);
            }
            if (pollInterval < 1) {
                throw new IllegalArgumentException("pollInterval must be at least 1 second, got " + pollInterval);
            }
            if (maxIdenticalCalls < 0) {
                throw new IllegalArgumentException("maxIdenticalCalls must be 0 (off) or more, got " + maxIdenticalCalls);
            }
            GatePolicy policy = GatePolicy.builder()
                    .failOn(checkedFailOn(failOn))
                    .failOnRunStatus(failOnRunStatus)
                    .maxFailures(maxFailures)
                    .maxIdenticalCalls(maxIdenticalCalls)
                    .build();
            WatchOptions options = WatchOptions.builder()
                    .pollInterval(Duration.ofSeconds(pollInterval))
                    .timeout(Duration.ofMinutes(timeoutMinutes))
                    .maxOutage(parseMaxOutage(maxOutage))
                    .build();
            ChangeRules changeRules = changeTools == null ? ChangeRules.defaults() : changeRules(changeTools);
            GateRequest request = GateRequest.builder().orgId(org).runId(run).policy(policy).options(options)
                    .failFast(failFast).changeRules(changeRules).build();
            return new CodegenAgentLogsExecution.Settings(request, effectiveBaseUrl, effectiveCredentials, mode, prompt, repo);
        } catch (IllegalArgumentException e) {
            throw new AbortException(FUNCTION_NAME + ": " + e.getMessage());
        }
    }

    /** The change-tool patterns, or an error naming the one that is not a tool name with wildcards. */
    static ChangeRules changeRules(List<String> patterns) {
        try {
            return ChangeRules.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("changeTools: " + e.getMessage(), e);
        }
    }

    /** The types, or an error saying which one is not a Codegen message type and what was probably meant. */
    static List<String> checkedFailOn(List<String> types) {
        try {
            MessageTypes.parseFailOn(types);
            return types;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failOn: " + e.getMessage(), e);
        }
    }

    /** A duration with its unit; a bare number is refused, since minutes and seconds are both plausible. */
    static Duration parseMaxOutage(String text) {
        String t = Util.fixNull(text).trim();
        if (t.matches("\\d+")) {
            throw new IllegalArgumentException("maxOutage needs a unit: write '" + t + "m' for minutes or '" + t + "s' for seconds");
        }
        try {
            return Durations.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("maxOutage: " + e.getMessage(), e);
        }
    }

    /** One line: which URL, why it is refused, who can change that and where. */
    static String notAllowed(String baseUrl) {
        return FUNCTION_NAME + ": the API base URL '" + io.codegenagentlogs.core.report.SafeText.oneLine(baseUrl, 200)
                + "' is not one an administrator allowed: the controller would send the Codegen token there. "
                + "Leave baseUrl out to use the configured default, or ask an administrator to add it to "
                + "\"Allowed API base URLs\" in " + CodegenCredentials.WHERE_TO_CONFIGURE;
    }

    static ArrayList<String> normalizeTypes(Collection<String> types) {
        ArrayList<String> out = new ArrayList<>();
        for (String t : types) {
            String v = Util.fixEmptyAndTrim(t);
            if (v != null && !out.contains(v.toUpperCase(Locale.ROOT))) {
                out.add(v.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** "*write*, apply_patch" into patterns, as written (the core compares them without case). */
    static List<String> splitPatterns(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : Util.fixNull(text).split("[\\s,\\[\\]'\"]+")) {
            if (!p.isBlank()) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** "ERROR, PR_CREATION_FAILED" (also "[ERROR, 'X']", as a list may be shown) into upper-case types. */
    static List<String> splitTypes(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : Util.fixNull(text).split("[\\s,\\[\\]'\"]+")) {
            if (!p.isBlank()) {
                parts.add(p);
            }
        }
        return normalizeTypes(parts);
    }

    /** What a failed gate does to the build. */
    enum BuildResultMode {
        FAILURE,
        UNSTABLE;

        static BuildResultMode parse(String value) {
            String v = Util.fixEmptyAndTrim(value);
            if (v == null) {
                return FAILURE;
            }
            try {
                return valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("buildResult must be 'FAILURE' or 'UNSTABLE', got '" + v + "'");
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor implements CustomDescribableModel {

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Gate on a Codegen agent run";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // No node, no workspace: the step holds no executor while it waits.
            return Set.of(Run.class, TaskListener.class);
        }

        /**
         * Lets a Jenkinsfile write ids as numbers ({@code runId: 12345}): structs would reject an
         * Integer for a String parameter. Any number becomes its text, so {@code 10.5} meets the same
         * id validation, and the same clear message, as {@code '10.5'}.
         */
        @NonNull
        @Override
        public Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
            Map<String, Object> copy = new LinkedHashMap<>(arguments);
            for (String id : List.of("runId", "orgId", "repoId")) {
                Object value = copy.get(id);
                if (value instanceof Number) {
                    copy.put(id, value.toString());
                }
            }
            return copy;
        }

        /** The form sends {@code failOn} and {@code changeTools} as comma-separated texts; the step takes lists. */
        @Override
        public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            JSONObject copy = JSONObject.fromObject(formData);
            if (formData.opt("failOn") instanceof String text) {
                copy.put("failOn", JSONArray.fromObject(splitTypes(text)));
            }
            if (formData.opt("changeTools") instanceof String text) {
                List<String> patterns = splitPatterns(text);
                if (patterns.equals(ChangeRules.DEFAULT_PATTERNS)) {
                    copy.remove("changeTools"); // the defaults: keep the snippet short
                } else {
                    copy.put("changeTools", JSONArray.fromObject(patterns));
                }
            }
            return super.newInstance(req, copy);
        }

        @POST
        public FormValidation doCheckChangeTools(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canCheck(item)) {
                return FormValidation.ok();
            }
            try {
                ChangeRules.of(splitPatterns(value));
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /** Placeholders for the form: the global defaults, if any. */
        public String getDefaultOrgId() {
            return Util.fixNull(CodegenGlobalConfiguration.get().getOrgId());
        }

        public String getDefaultBaseUrl() {
            return CodegenGlobalConfiguration.get().getEffectiveBaseUrl();
        }

        public String getDefaultFailOnText() {
            return String.join(", ", DEFAULT_FAIL_ON);
        }

        public String getDefaultChangeToolsText() {
            return String.join(", ", ChangeRules.DEFAULT_PATTERNS);
        }

        @POST
        public ListBoxModel doFillBuildResultItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            if (!canCheck(item)) {
                return items;
            }
            items.add("Fail the build (FAILURE)", BuildResultMode.FAILURE.name());
            items.add("Mark the build unstable and continue (UNSTABLE)", BuildResultMode.UNSTABLE.name());
            return items;
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CodegenCredentials.fillItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            String fallback = CodegenGlobalConfiguration.get().getCredentialsId();
            return CodegenCredentials.check(item, value, fallback == null
                    ? "No default credential is configured in " + CodegenCredentials.WHERE_TO_CONFIGURE + ": choose one"
                    : "");
        }

        @POST
        public FormValidation doCheckRunId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canCheck(item)) {
                return FormValidation.ok();
            }
            return FormChecks.id("run id", value);
        }

        @POST
        public FormValidation doCheckOrgId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canCheck(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) == null) {
                return CodegenGlobalConfiguration.get().getOrgId() == null
                        ? FormValidation.warning("No default organization id is configured in " + CodegenCredentials.WHERE_TO_CONFIGURE)
                        : FormValidation.ok();
            }
            return FormChecks.id("organization id", value);
        }

        @POST
        public FormValidation doCheckBaseUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canCheck(item)) {
                return FormValidation.ok();
            }
            FormValidation syntax = FormChecks.baseUrl(value);
            String v = Util.fixEmptyAndTrim(value);
            if (syntax.kind == FormValidation.Kind.ERROR || v == null || CodegenGlobalConfiguration.get().isAllowedBaseUrl(v)) {
                return syntax;
            }
            return FormValidation.error(notAllowed(v));
        }

        @POST
        public FormValidation doCheckMaxFailures(@AncestorInPath Item item, @QueryParameter String value) {
            return canCheck(item) ? FormChecks.atLeast("Tolerated failures", value, 0) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckFailOn(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canCheck(item)) {
                return FormValidation.ok();
            }
            try {
                MessageTypes.parseFailOn(splitTypes(value));
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckMaxOutage(@AncestorInPath Item item, @QueryParameter String value) {
            if (!canCheck(item) || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            try {
                parseMaxOutage(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckMaxIdenticalCalls(@AncestorInPath Item item, @QueryParameter String value) {
            return canCheck(item) ? FormChecks.atLeast("The identical-call limit", value, 0) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckPollInterval(@AncestorInPath Item item, @QueryParameter String value) {
            return canCheck(item) ? FormChecks.atLeast("The poll interval", value, 1) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return canCheck(item) ? FormChecks.atLeast("The timeout", value, 1) : FormValidation.ok();
        }

        private static boolean canCheck(Item item) {
            return CodegenCredentials.canList(item);
        }
    }
}
