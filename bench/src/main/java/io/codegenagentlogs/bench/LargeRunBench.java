package io.codegenagentlogs.bench;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Target 5: the CLI, as a separate process with {@code -Xmx64m}, gates a finished run of 100,000
 * entries of about 8 KiB each (800 MB of logs) served by the simulator. Peak RSS is read from
 * {@code /proc/<pid>/status} (VmHWM) while it runs; the heap from its GC log.
 */
final class LargeRunBench {
    static final long ORG = 67890;
    static final long RUN = 2002;

    private LargeRunBench() {
    }

    record Result(int exit, long lines, long ndjsonBytes, long summaryMd, long reportHtml, long peakRssKb, long heapAfterGcKb,
            long heapBeforeGcKb, double seconds) {
    }

    static String run(Path cliJar, int repetitions, int entries, int entryBytes) throws Exception {
        Table t = new Table("entries", "-Xmx", "exit", "lines in logs.ndjson", "logs.ndjson", "summary.md", "report.html",
                "peak RSS", "heap after GC, max", "heap before GC, max", "seconds");
        for (int i = 0; i < repetitions; i++) {
            Result r = once(cliJar, entries, entryBytes);
            t.row(entries, "64m", r.exit, r.lines, mib(r.ndjsonBytes), kib(r.summaryMd), kib(r.reportHtml), mibK(r.peakRssKb),
                    mibK(r.heapAfterGcKb), mibK(r.heapBeforeGcKb), String.format(Locale.ROOT, "%.0f", r.seconds));
        }
        return "The CLI (`java -Xmx64m -jar codegen-agent-logs.jar gate`) on a COMPLETE run of " + entries + " entries of about "
                + entryBytes + " bytes, no rate limit; one row per repetition.\n\n" + t;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }

    private static String mibK(long kib) {
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    static Result once(Path cliJar, int entries, int entryBytes) throws Exception {
        String json = "{\"tokens\":[\"big-token\"],\"runs\":[{\"id\":" + RUN + ",\"organization_id\":" + ORG
                + ",\"status\":\"COMPLETE\",\"generate\":{\"count\":" + entries + ",\"seed\":3,\"entry_bytes\":" + entryBytes + "}}]}";
        Path work = Files.createTempDirectory("bench-large");
        Path gcLog = work.resolve("gc.log");
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(json))) {
            List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx64m", "-Xlog:gc:file=" + gcLog, "-jar", cliJar.toString(),
                    "gate", "--run", Long.toString(RUN), "--org", Long.toString(ORG), "--base-url", sim.baseUrl(),
                    "--rate-limit", "100000/1s", "--quiet", "--report-dir", work.resolve("report").toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile());
            pb.environment().put("CODEGEN_API_TOKEN", "big-token");
            long start = System.nanoTime();
            Process p = pb.start();
            long peak = 0;
            Path status = Path.of("/proc/" + p.pid() + "/status");
            while (p.isAlive()) {
                peak = Math.max(peak, vmHwm(status));
                Thread.sleep(100);
            }
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            Path report = work.resolve("report");
            Path ndjson = report.resolve("logs.ndjson");
            long lines = countLines(ndjson);
            long[] heap = heapFromGcLog(gcLog);
            return new Result(exit, lines, Files.size(ndjson), Files.size(report.resolve("summary.md")),
                    Files.size(report.resolve("report.html")), peak, heap[0], heap[1], seconds);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between two looks
        }
        return 0;
    }

    private static long countLines(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Max heap after a GC and max heap before one, in KiB, from {@code -Xlog:gc} lines like {@code Pause Young ... 40M->12M(64M)}. */
    static long[] heapFromGcLog(Path log) throws IOException {
        Pattern p = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(");
        long after = 0;
        long before = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                before = Math.max(before, kib(m.group(1), m.group(2)));
                after = Math.max(after, kib(m.group(3), m.group(4)));
            }
        }
        return new long[] {after, before};
    }

    private static long kib(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "G" -> v << 20;
            case "M" -> v << 10;
            default -> v;
        };
    }
}
