package io.jenkins.plugins.codegenagentlogs;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.codegenagentlogs.core.api.ApiToken;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The Codegen API token lives in a "Secret text" credential. It is looked up against the build
 * each time a watch starts or resumes, and is never stored anywhere else.
 */
final class CodegenCredentials {
    static final String WHERE_TO_CONFIGURE = "Manage Jenkins \u00bb System \u00bb Codegen Agent Logs";

    private CodegenCredentials() {
    }

    /**
     * Finds the credential as the build may use it, records its use on the build, and returns the token.
     *
     * @throws AbortException with one actionable line when there is no usable credential
     */
    static @NonNull ApiToken resolveToken(@CheckForNull String credentialsId, @NonNull Run<?, ?> run) throws AbortException {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            throw new AbortException("No Codegen API credential: pass credentialsId: '<id of a Secret text credential>' "
                    + "to codegenAgentLogs, or set a default credential in " + WHERE_TO_CONFIGURE);
        }
        StringCredentials credential = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (credential == null) {
            throw new AbortException("The Codegen API credential '" + id + "' was not found: it must be a "
                    + "\"Secret text\" credential holding the Codegen API token, visible to this job");
        }
        CredentialsProvider.track(run, credential);
        try {
            return ApiToken.of(credential.getSecret().getPlainText());
        } catch (IllegalArgumentException e) {
            throw new AbortException("The Codegen API credential '" + id + "' cannot be used: " + e.getMessage());
        }
    }

    /** Whether the current user may list credentials in this context (the item, or Jenkins itself when null). */
    static boolean canList(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /**
     * Credentials a build can use: System-scoped ones are for Jenkins itself (its global
     * configuration, agents) and are never handed to a build, so offering them would only set up a
     * step that fails at run time.
     */
    static final CredentialsMatcher USABLE_BY_BUILDS = CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));

    /** The "Secret text" credentials the user may choose from (never System-scoped ones), plus the current value. */
    static @NonNull ListBoxModel fillItems(@CheckForNull Item item, @CheckForNull String credentialsId) {
        String current = Util.fixNull(credentialsId);
        StandardListBoxModel result = new StandardListBoxModel();
        if (!canList(item)) {
            return result.includeCurrentValue(current);
        }
        if (item == null) {
            result.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(), USABLE_BY_BUILDS);
        } else {
            result.includeEmptyValue()
                    .includeMatchingAs(item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2,
                            item, StringCredentials.class, List.of(), USABLE_BY_BUILDS);
        }
        return result.includeCurrentValue(current);
    }

    /** Checks that the id names a "Secret text" credential the user can see; a blank id is allowed (a default applies). */
    static @NonNull FormValidation check(@CheckForNull Item item, @CheckForNull String value, @NonNull String blankMessage) {
        if (!canList(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return blankMessage.isEmpty() ? FormValidation.ok() : FormValidation.warning(blankMessage);
        }
        if (id.startsWith("${")) {
            return FormValidation.warning("Cannot check a credential id given by an expression");
        }
        ListBoxModel visible = fillItems(item, null);
        for (ListBoxModel.Option option : visible) {
            if (id.equals(option.value)) {
                return FormValidation.ok();
            }
        }
        return FormValidation.error("No \"Secret text\" credential with this id is visible here");
    }
}
