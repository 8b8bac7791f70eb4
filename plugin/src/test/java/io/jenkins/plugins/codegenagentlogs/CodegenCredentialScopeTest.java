package io.jenkins.plugins.codegenagentlogs;

import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.SIM_TOKEN;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.actions;
import static io.jenkins.plugins.codegenagentlogs.CodegenTestSupport.step;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ItemGroup;
import hudson.model.Result;
import hudson.util.Secret;
import io.codegenagentlogs.simulator.CodegenSimulator;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;
import org.jvnet.hudson.test.TestExtension;
import org.springframework.security.core.Authentication;

/**
 * A credential that only a folder's jobs can see, the way the folders plugin's credentials store
 * offers them (that plugin is not a dependency of this one, so a provider below plays its part):
 * the token is looked up in the context of the build, never globally.
 */
public class CodegenCredentialScopeTest {
    private static final String FOLDER = "team-a";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public Simulators simulators = new Simulators();

    @Test
    public void aFolderCredentialServesTheFoldersJobsOnly() throws Exception {
        CodegenSimulator sim = simulators.bundled("passing");
        MockFolder folder = j.createFolder(FOLDER);
        WorkflowJob inside = folder.createProject(WorkflowJob.class, "inside");
        inside.setDefinition(new CpsFlowDefinition(step(sim, 1001, ""), true));
        WorkflowRun ok = j.buildAndAssertSuccess(inside);
        assertEquals("PASSED", actions(ok).get(0).getVerdict());
        assertTrue(sim.requests().logsCalls().size() > 0);

        int requests = sim.requests().count();
        WorkflowJob outside = j.createProject(WorkflowJob.class, "outside");
        outside.setDefinition(new CpsFlowDefinition(step(sim, 1001, ""), true));
        WorkflowRun refused = j.assertBuildStatus(Result.FAILURE, outside.scheduleBuild2(0));
        j.assertLogContains("The Codegen API credential '" + CREDENTIALS_ID + "' was not found", refused);
        assertEquals("no request without a token", requests, sim.requests().count());
    }

    /** Offers the token to the items of folder {@value #FOLDER} (and below), to nobody else. */
    @TestExtension("aFolderCredentialServesTheFoldersJobsOnly")
    public static final class FolderScopedProvider extends CredentialsProvider {
        @NonNull
        @Override
        public <C extends Credentials> List<C> getCredentialsInItemGroup(@NonNull Class<C> type, ItemGroup itemGroup,
                Authentication authentication, @NonNull List<DomainRequirement> domainRequirements) {
            List<C> found = new ArrayList<>();
            if (inFolder(itemGroup) && type.isAssignableFrom(StringCredentialsImpl.class)) {
                found.add(type.cast(new StringCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID, "folder token",
                        Secret.fromString(SIM_TOKEN))));
            }
            return found;
        }

        private static boolean inFolder(ItemGroup<?> group) {
            for (ItemGroup<?> g = group; g instanceof hudson.model.Item item; g = item.getParent()) {
                if (item.getFullName().equals(FOLDER)) {
                    return true;
                }
            }
            return false;
        }
    }
}
