package io.jenkins.plugins.codegenagentlogs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfiguratorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;
import org.yaml.snakeyaml.Yaml;

/**
 * The global configuration through the real Configuration as Code plugin: a YAML file applied with
 * {@link ConfigurationAsCode#configure(String...)}, the export read back as YAML, and an invalid
 * allowlist refused. Needs configuration-as-code on the test classpath (the {@code casc} profile of
 * plugin/pom.xml).
 */
public class CodegenCascTest {
    private static final String INTERNAL = "https://codegen.example.internal/api";
    private static final String ALLOWED = "https://api.codegen.com\n" + INTERNAL;

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void yamlConfiguresExportsAndRoundTrips() throws Exception {
        CodegenGlobalConfiguration config = CodegenGlobalConfiguration.get();
        assertNull("a fresh Jenkins has no base URL", config.getBaseUrl());
        assertFalse(config.isAllowedBaseUrl(INTERNAL));

        apply("unclassified:\n"
                + "  codegenAgentLogs:\n"
                + "    baseUrl: \"" + INTERNAL + "\"\n"
                + "    orgId: \"67890\"\n"
                + "    credentialsId: \"codegen-token\"\n"
                + "    allowedBaseUrls: |-\n"
                + "      https://api.codegen.com\n"
                + "      " + INTERNAL + "\n");

        assertEquals(INTERNAL, config.getBaseUrl());
        assertEquals("67890", config.getOrgId());
        assertEquals("codegen-token", config.getCredentialsId());
        assertEquals(ALLOWED, config.getAllowedBaseUrls());
        assertTrue("the YAML allowlist is in force", config.isAllowedBaseUrl(INTERNAL));
        assertFalse(config.isAllowedBaseUrl("https://elsewhere.example.com/api"));
        // saved, not only held in memory: a new instance loads it from disk
        CodegenGlobalConfiguration reloaded = new CodegenGlobalConfiguration();
        assertEquals(INTERNAL, reloaded.getBaseUrl());
        assertEquals(ALLOWED, reloaded.getAllowedBaseUrls());

        String exported = export();
        Map<String, Object> section = codegenSection(exported);
        assertEquals(exported, Map.of(
                "baseUrl", INTERNAL,
                "orgId", "67890",
                "credentialsId", "codegen-token",
                "allowedBaseUrls", ALLOWED), section);

        // the exported section, applied to a Jenkins configured otherwise, brings every value back
        config.setBaseUrl(null);
        config.setOrgId("1");
        config.setCredentialsId(null);
        config.setAllowedBaseUrls(null);
        apply(new Yaml().dump(Map.of("unclassified", Map.of("codegenAgentLogs", section))));
        assertEquals(INTERNAL, config.getBaseUrl());
        assertEquals("67890", config.getOrgId());
        assertEquals("codegen-token", config.getCredentialsId());
        assertEquals(ALLOWED, config.getAllowedBaseUrls());
    }

    @Test
    public void invalidAllowlistInYamlIsRefusedAndKeepsTheOldOne() throws Exception {
        apply("unclassified:\n"
                + "  codegenAgentLogs:\n"
                + "    allowedBaseUrls: \"https://api.codegen.com\"\n");
        CodegenGlobalConfiguration config = CodegenGlobalConfiguration.get();
        assertEquals("https://api.codegen.com", config.getAllowedBaseUrls());

        ConfiguratorException e = assertThrows(ConfiguratorException.class, () -> apply("unclassified:\n"
                + "  codegenAgentLogs:\n"
                + "    allowedBaseUrls: |-\n"
                + "      https://api.codegen.com\n"
                + "      http://evil.example.com/api\n"));
        assertThat(causes(e), containsString("Line 2: The base URL http://evil.example.com uses plain http"));

        assertEquals("the refused list was not saved", "https://api.codegen.com", config.getAllowedBaseUrls());
        assertFalse(config.isAllowedBaseUrl("http://evil.example.com/api"));
        assertEquals("https://api.codegen.com", new CodegenGlobalConfiguration().getAllowedBaseUrls());
        assertThat(codegenSection(export()).get("allowedBaseUrls"), instanceOf(String.class));
        assertEquals("https://api.codegen.com", codegenSection(export()).get("allowedBaseUrls"));
    }

    private void apply(String yaml) throws IOException, ConfiguratorException {
        Path file = tmp.newFile().toPath();
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        ConfigurationAsCode.get().configure(file.toString());
    }

    private static String export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** unclassified.codegenAgentLogs of an exported configuration, read as YAML. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> codegenSection(String exported) {
        Map<String, Object> root = new Yaml().load(exported);
        Object unclassified = root.get("unclassified");
        assertThat(exported, unclassified, instanceOf(Map.class));
        Object section = ((Map<String, Object>) unclassified).get("codegenAgentLogs");
        assertThat(exported, section, instanceOf(Map.class));
        return (Map<String, Object>) section;
    }

    /** The messages of an exception and its causes, one a line (Configuration as Code wraps the setter's). */
    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
