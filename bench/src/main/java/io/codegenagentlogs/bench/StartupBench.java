package io.codegenagentlogs.bench;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Target 7: the time from starting {@code java -jar codegen-agent-logs.jar gate} to its first request
 * reaching the simulator, as started plainly, with application class-data sharing (an archive made
 * by a training run, {@code -XX:ArchiveClassesAtExit} then {@code -XX:SharedArchiveFile}), and with
 * only the C1 compiler.
 */
final class StartupBench {
    static final long ORG = 67890;

    private StartupBench() {
    }

    static String run(Path cliJar, int repetitions) throws Exception {
        Path dir = Files.createTempDirectory("bench-startup");
        Path archive = dir.resolve("app.jsa");
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.bundled("passing"))) {
            // the training run writes the archive of every class it loaded
            once(sim, cliJar, dir, List.of("-XX:ArchiveClassesAtExit=" + archive));
            Table t = new Table("JVM options", "start to first request (ms)", "whole gate (ms)");
            String[][] variants = {
                {"(none)"},
                {"-XX:SharedArchiveFile=app.jsa", "-XX:SharedArchiveFile=" + archive},
                {"-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=1"},
                {"both", "-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1"},
            };
            for (String[] v : variants) {
                List<String> opts = new ArrayList<>(List.of(v).subList(1, v.length));
                Stats first = new Stats();
                Stats whole = new Stats();
                for (int i = 0; i < repetitions; i++) {
                    long[] r = once(sim, cliJar, dir, opts);
                    first.add(r[0] / 1e6);
                    whole.add(r[1] / 1e6);
                }
                t.row(v[0], first.summary("%.0f"), whole.summary("%.0f"));
            }
            return "`java [options] -jar codegen-agent-logs.jar gate` against the simulator's `passing` run (one page, already "
                    + "COMPLETE), " + repetitions + " runs each, median (min .. max); the archive comes from one training run.\n\n" + t;
        }
    }

    /** @return nanoseconds from start to the first request, and to the end of the process */
    private static long[] once(CodegenSimulator sim, Path cliJar, Path dir, List<String> jvmOptions) throws Exception {
        sim.requests().clear();
        List<String> cmd = new ArrayList<>();
        cmd.add(LargeRunBench.java());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", cliJar.toString(), "gate", "--run", "1001", "--org", Long.toString(ORG), "--base-url", sim.baseUrl(),
                "--quiet", "--report-dir", dir.resolve("report").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("CODEGEN_API_TOKEN", "sim-token");
        long start = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        long end = System.nanoTime();
        if (exit != 0) {
            throw new IllegalStateException("the gate exited " + exit + ": " + Files.readString(dir.resolve("out.txt")));
        }
        long firstRequest = sim.requests().all().stream().mapToLong(c -> c.startNanos()).min().orElseThrow();
        return new long[] {firstRequest - start, end - start};
    }
}
