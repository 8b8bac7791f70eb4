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
 * </pre>
 */
@Extension
@Symbol("codegenAgentLogs")
public class CodegenGlobalConfiguration extends GlobalConfiguration {
    private String baseUrl;
    private String orgId;
    private String credentialsId;

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
