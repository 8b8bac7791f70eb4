package io.codegenagentlogs.core.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven by its command line: {@code --dump-dom} for the page as the browser built
 * it, {@code --screenshot} for a picture. Each run gets a fresh profile and no network but what the
 * page asks for. Found as {@code chromium} (Debian's, which {@code .ci/run} installs), or where
 * {@code CHROMIUM} points.
 */
final class Chromium {
    /** Generous: two busy cores start a browser slowly. */
    private static final long TIMEOUT_SECONDS = 180;

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, or null when none is installed. */
    static Chromium find() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("CHROMIUM") != null) {
            candidates.add(System.getenv("CHROMIUM"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "chrome")) {
                candidates.add(dir + File.separator + name);
            }
        }
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return new Chromium(p);
            }
        }
        return null;
    }

    /** The DOM after load (and a few seconds of virtual time for anything the page might schedule). */
    String dumpDom(String url, Path workDir) throws IOException, InterruptedException {
        return run(workDir, "dom", List.of("--virtual-time-budget=3000", "--dump-dom", url));
    }

    /** A PNG of the page, {@code width} x {@code height}. */
    void screenshot(String url, Path png, int width, int height, Path workDir) throws IOException, InterruptedException {
        run(workDir, "shot", List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), url));
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium made no screenshot at " + png);
        }
    }

    private String run(Path workDir, String name, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "profile-" + name);
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--mute-audio", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
