package io.codegenagentlogs.bench;

import io.codegenagentlogs.core.api.DecodeBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs issue 8's benchmarks and prints one Markdown section per target (what docs/benchmarks.md
 * holds): {@code java -jar bench/target/benchmarks.jar [latency] [many] [memory] [large] [decode]
 * [startup] [report]} (all when none is named). System properties: {@code bench.cli} (the CLI jar, default
 * cli/target/codegen-agent-logs.jar), {@code bench.reps} (repetitions, default 3), {@code bench.watchers}
 * (default 500), {@code bench.out} (also write the Markdown to this file).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> targets = args.length == 0 ? List.of("latency", "many", "memory", "large", "decode", "startup", "report")
                : List.of(args);
        int reps = Integer.getInteger("bench.reps", 3);
        int watchers = Integer.getInteger("bench.watchers", 500);
        Path cli = Path.of(System.getProperty("bench.cli", "cli/target/codegen-agent-logs.jar")).toAbsolutePath();
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(Machine.describe()).append(".\n\n");
        for (String target : targets) {
            long start = System.nanoTime();
            String section = switch (target) {
                case "latency" -> "### Requests and verdict latency, ours beside the naive client (targets 1 and 2)\n\n" + LatencyBench.run(reps);
                case "many" -> "### Many watchers on one token (target 3)\n\n"
                        + ManyWatchersBench.run(reps, watchers, Integer.getInteger("bench.naive", 20));
                case "memory" -> "### Memory per idle watcher (target 4)\n\n" + MemoryBench.run(reps, watchers);
                case "large" -> "### A large run with -Xmx64m (target 5)\n\n"
                        + LargeRunBench.run(cli, Integer.getInteger("bench.largeReps", 1), Integer.getInteger("bench.entries", 100_000), 8192);
                case "decode" -> "### Decoding a page (target 6, JMH)\n\n" + decode();
                case "startup" -> "### Start-up (target 7)\n\n" + StartupBench.run(cli, Integer.getInteger("bench.startupReps", 10));
                case "report" -> "### The summary and the report for 100,000 entries (issue 10)\n\n"
                        + ReportBench.run(Integer.getInteger("bench.reportReps", 5), Integer.getInteger("bench.entries", 100_000), 8000);
                default -> throw new IllegalArgumentException("unknown target '" + target
                        + "': latency, many, memory, large, decode, startup, report");
            };
            section += String.format(Locale.ROOT, "%n(%s took %.0f s)%n%n", target, (System.nanoTime() - start) / 1e9);
            System.out.print(section);
            System.out.flush();
            md.append(section);
        }
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), md.toString());
        }
    }

    private static String decode() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DecodeBench.class.getName())
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .build()).run();
        byte[] realistic = DecodeBench.page(0);
        byte[] large = DecodeBench.page(65536);
        Table t = new Table("page", "bytes", "decoder", "pages/s", "MB/s", "allocated per page", "allocated / page bytes");
        for (RunResult r : results) {
            String page = r.getParams().getParam("page");
            long size = page.equals("large") ? large.length : realistic.length;
            double opsPerSecond = r.getPrimaryResult().getScore();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            double bytesPerOp = alloc == null ? Double.NaN : alloc.getScore();
            String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            t.row(page, size, method, String.format(Locale.ROOT, "%.0f ± %.0f", opsPerSecond, r.getPrimaryResult().getScoreError()),
                    String.format(Locale.ROOT, "%.0f", opsPerSecond * size / 1e6),
                    String.format(Locale.ROOT, "%.0f KiB", bytesPerOp / 1024), String.format(Locale.ROOT, "%.1f", bytesPerOp / size));
        }
        return "JMH 1.37, 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement, `-prof gc`; score ± 99.9 % error. `ours`: the "
                + "streaming decoder, each entry kept as its raw JSON; `oursThenEveryAccessor`: the same, then type, headline, "
                + "time, and the lazily parsed tool output and observation of every entry; `gsonTree`: "
                + "`JsonParser.parseReader` of the same bytes.\n\n" + t;
    }
}
