package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, with a fresh profile for every page: screenshots and the
 * browser's own console messages (script errors, failed loads).
 */
final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Path executable;
    private final Path scratch;

    private HeadlessChromium(Path executable, Path scratch) {
        this.executable = executable;
        this.scratch = scratch;
    }

    /** The browser on this machine's PATH, or null when there is none. */
    static @CheckForNull HeadlessChromium find(Path scratch) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            for (String name : CANDIDATES) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return new HeadlessChromium(p, scratch);
                }
            }
        }
        return null;
    }

    /** What the browser said while it loaded the page. */
    record Shot(Path png, String browserLog) {
    }

    /** Loads {@code url} in a {@code width}x{@code height} window and writes what it shows to {@code png}. */
    Shot screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path log = Files.createTempFile(scratch, "chromium", ".log");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=" + width + "," + height,
                // let the page's own scripts run before the picture is taken
                "--virtual-time-budget=5000",
                "--enable-logging=stderr", "--v=0",
                "--screenshot=" + png.toAbsolutePath(), url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s for " + url + "; its output: " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !Files.isRegularFile(png)) {
            throw new IOException("chromium failed (exit " + process.exitValue() + ") for " + url + ":\n" + output);
        }
        return new Shot(png, output);
    }
}
