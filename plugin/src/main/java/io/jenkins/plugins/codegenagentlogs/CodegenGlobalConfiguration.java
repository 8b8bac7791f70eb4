package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.codegenagentlogs.core.api.BaseUrls;
import io.codegenagentlogs.core.api.Ids;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every {@code codegenAgentLogs} step: API base URL, organization id and the id of
 * the "Secret text" credential holding the API token. Configuration as Code:
 * <pre>
 * unclassified:
 *   codegenAgentLogs:
 *     baseUrl: "https://api.codegen.com"
 *     orgId: "67890"
 *     credentialsId: "codegen-token"
 *     allowedBaseUrls: |-
 *       https://api.codegen.com
 *       https://codegen.example.internal/api
 * </pre>
 * A step's {@code baseUrl} must be one of {@code allowedBaseUrls} (default: Codegen's own API) or the
 * global {@code baseUrl}: the controller sends the token there, so administrators decide where.
 */
@Extension
@Symbol("codegenAgentLogs")
public class CodegenGlobalConfiguration extends GlobalConfiguration {
    private String baseUrl;
    private String orgId;
    private String credentialsId;
    /** One URL a line; null for the default list (Codegen's own API). */
    private String allowedBaseUrls;

    public CodegenGlobalConfiguration() {
        load();
    }

    public static @NonNull CodegenGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CodegenGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "Codegen Agent Logs";
    }

    /** The configured base URL, or null for {@link BaseUrls#DEFAULT}. */
    public @CheckForNull String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
        save();
    }

    /** The base URL steps use when they give none. */
    public @NonNull String getEffectiveBaseUrl() {
        return baseUrl == null ? BaseUrls.DEFAULT : baseUrl;
    }

    /**
     * The API base URLs a step's {@code baseUrl} may name, one a line; null means the default,
     * {@link BaseUrls#DEFAULT} alone. The global {@link #getBaseUrl()} is always allowed too.
     */
    public @CheckForNull String getAllowedBaseUrls() {
        return allowedBaseUrls;
    }

    @DataBoundSetter
    public void setAllowedBaseUrls(String allowedBaseUrls) {
        String text = Util.fixEmptyAndTrim(allowedBaseUrls);
        AllowedBaseUrls.parse(text); // refuse an invalid list before it is saved
        this.allowedBaseUrls = text;
        save();
    }

    /** The allowlist in force. */
    @NonNull
    AllowedBaseUrls allowlist() {
        try {
            return AllowedBaseUrls.parse(allowedBaseUrls);
        } catch (IllegalArgumentException e) {
            // a hand-edited file with a bad line: fail closed, to the default list
            return AllowedBaseUrls.parse(null);
        }
    }

    /** Whether a step may name {@code baseUrl}: one of {@link #getAllowedBaseUrls()}, or the global default. */
    public boolean isAllowedBaseUrl(@NonNull String baseUrl) {
        return allowlist().allows(baseUrl, getEffectiveBaseUrl());
    }

    public @CheckForNull String getOrgId() {
        return orgId;
    }

    @DataBoundSetter
    public void setOrgId(String orgId) {
        this.orgId = Util.fixEmptyAndTrim(orgId);
        save();
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return CodegenCredentials.fillItems(null, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        return CodegenCredentials.check(null, value,
                "Without a default, every step must pass credentialsId");
    }

    @POST
    public FormValidation doCheckBaseUrl(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FormChecks.baseUrl(value);
    }

    @POST
    public FormValidation doCheckAllowedBaseUrls(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        try {
            AllowedBaseUrls list = AllowedBaseUrls.parse(value);
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.ok("Defaults to " + BaseUrls.DEFAULT + " alone")
                    : FormValidation.ok(list.urls().size() + (list.urls().size() == 1 ? " URL" : " URLs") + " allowed");
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckOrgId(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok("Without a default, every step must pass orgId");
        }
        return FormChecks.id("organization id", value);
    }

    /** Form checks shared by the global configuration and the step. Pure: no permission check here. */
    static final class FormChecks {
        private FormChecks() {
        }

        static FormValidation baseUrl(String value) {
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok("Defaults to " + BaseUrls.DEFAULT);
            }
            try {
                BaseUrls.parse(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        static FormValidation id(String what, String value) {
            try {
                Ids.parse(what, value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        static FormValidation atLeast(String what, String value, int min) {
            String v = Util.fixEmptyAndTrim(value);
            if (v == null) {
                return FormValidation.ok();
            }
            try {
                int n = Integer.parseInt(v);
                return n >= min ? FormValidation.ok() : FormValidation.error(what + " must be at least " + min);
            } catch (NumberFormatException e) {
                return FormValidation.error(what + " must be a whole number");
            }
        }
    }
}
