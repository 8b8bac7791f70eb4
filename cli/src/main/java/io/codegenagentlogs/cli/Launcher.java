package io.codegenagentlogs.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * How this tool was started, as a command a person can paste: {@code java -jar
 * cli/target/codegen-agent-logs.jar} from the repository root, not a jar name that is nowhere in
 * the current directory. Help, the simulator's banner and error hints all print it.
 */
final class Launcher {
    /** When not started from a jar (tests, an IDE): the jar's name as built. */
    static final String FALLBACK = "java -jar codegen-agent-logs.jar";

    private Launcher() {
    }

    /** {@code java -jar PATH}, PATH relative to {@code workingDir} when the jar is below it. */
    static String command(Path workingDir) {
        Path jar = runningJar();
        return jar == null ? FALLBACK : command(workingDir, jar);
    }

    static String command(Path workingDir, Path jar) {
        Path wd = workingDir.toAbsolutePath().normalize();
        Path j = jar.toAbsolutePath().normalize();
        String path = j.startsWith(wd) ? wd.relativize(j).toString() : j.toString();
        return "java -jar " + shellQuote(path);
    }

    /** A word the shell reads back as {@code s}: bare when it is plain, else in single quotes. */
    static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Path runningJar() {
        try {
            CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
