package io.codegenagentlogs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code version.properties} at build time. */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "/io/codegenagentlogs/cli/version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "codegen-agent-logs " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
