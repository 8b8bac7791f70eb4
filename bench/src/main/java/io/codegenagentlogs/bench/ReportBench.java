package io.codegenagentlogs.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.gate.Gate;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.report.render.HtmlReportRenderer;
import io.codegenagentlogs.core.report.render.JUnitXmlRenderer;
import io.codegenagentlogs.core.report.render.JsonSummaryRenderer;
import io.codegenagentlogs.core.report.render.MarkdownRenderer;
import io.codegenagentlogs.core.watch.WatchOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Issue 10/8's report side: 100,000 entries through the summary accumulator and every renderer, in
 * one JVM, timed in the thread's CPU time (the machine is shared: wall time would measure the
 * neighbours). The entries cycle through the simulator's {@code realistic} run (every documented
 * type, failures, file edits, commits, a pull request, a run link), each with an extra padding field
 * in its {@code tool_output} to the size asked for, and an increasing {@code created_at}. Decoding
 * them is not counted: the watcher does that, and DecodeBench measures it.
 */
final class ReportBench {
    /** Entries decoded ahead of each timed stretch (about 8 MB at 8 KiB each). */
    private static final int CHUNK = 1000;

    private ReportBench() {
    }

    static String run(int repetitions, int entries, int padding) throws IOException {
        JsonArray logs = realisticLogs();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Stats accumulate = new Stats();
        Stats html = new Stats();
        Stats md = new Stats();
        Stats json = new Stats();
        Stats junit = new Stats();
        long[] sizes = new long[5];
        String pad = "p".repeat(padding);
        Instant t0 = Instant.parse("2025-06-21T11:20:00Z");
        for (int rep = 0; rep < repetitions; rep++) {
            GatePolicy policy = GatePolicy.builder().maxIdenticalCalls(3).build();
            SummaryAccumulator acc = new SummaryAccumulator(policy);
            long spent = 0;
            List<LogEntry> chunk = new ArrayList<>(CHUNK);
            for (int start = 0; start < entries; start += CHUNK) {
                // decode a chunk, then time the accumulator over it: one CPU-clock read per chunk, not per entry
                chunk.clear();
                for (int i = start; i < Math.min(entries, start + CHUNK); i++) {
                    JsonObject e = logs.get(i % logs.size()).getAsJsonObject().deepCopy();
                    e.addProperty("created_at", t0.plusMillis(700L * i).toString());
                    if (e.has("tool_output") && e.get("tool_output").isJsonObject()) {
                        e.getAsJsonObject("tool_output").addProperty("padding", pad);
                    }
                    chunk.add(EntryDecoder.decode(e.toString()));
                }
                long before = cpu.getCurrentThreadCpuTime();
                for (int k = 0; k < chunk.size(); k++) {
                    acc.onEntry(start + k, chunk.get(k));
                }
                spent += cpu.getCurrentThreadCpuTime() - before;
            }
            long before = cpu.getCurrentThreadCpuTime();
            RunSummary s = acc.snapshot();
            accumulate.add((spent + cpu.getCurrentThreadCpuTime() - before) / 1e6);
            GateDecision d = Gate.evaluate(policy, WatchOutcome.replayed(s.run(), io.codegenagentlogs.core.watch.WatchSnapshot.start(1, 1, 0)), s.countsByType(), s.reasoning().callRepeat());
            Report r = Report.builder().summary(s).decision(d).policy(policy).duration(Duration.ofMinutes(5)).generatedAt(t0).build();
            sizes[0] = time(cpu, html, () -> HtmlReportRenderer.renderDocument(r));
            sizes[1] = time(cpu, md, () -> MarkdownRenderer.render(r));
            sizes[2] = time(cpu, json, () -> JsonSummaryRenderer.render(r));
            sizes[3] = time(cpu, junit, () -> JUnitXmlRenderer.render(r));
            sizes[4] = serialized(s);
        }
        Table t = new Table("step", "CPU ms, median (min .. max)", "output");
        t.row("accumulate " + entries + " entries (summary kept: " + kib(sizes[4]) + " serialized)", accumulate.summary("%.0f"), "");
        t.row("report.html", html.summary("%.0f"), kib(sizes[0]));
        t.row("summary.md", md.summary("%.0f"), kib(sizes[1]));
        t.row("summary.json", json.summary("%.0f"), kib(sizes[2]));
        t.row("junit.xml", junit.summary("%.0f"), kib(sizes[3]));
        return "The summary accumulator and every renderer on " + entries + " entries (the `realistic` run over and over, each "
                + "tool output padded by " + padding + " characters), " + repetitions + " repetitions in one JVM; CPU time of the "
                + "thread, decoding not counted.\n\n" + t;
    }

    private static long time(ThreadMXBean cpu, Stats stats, Supplier<String> render) {
        long before = cpu.getCurrentThreadCpuTime();
        String out = render.get();
        stats.add((cpu.getCurrentThreadCpuTime() - before) / 1e6);
        return out.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long serialized(RunSummary s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        return bytes.size();
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }

    private static JsonArray realisticLogs() throws IOException {
        try (InputStream in = io.codegenagentlogs.simulator.Scenario.class.getResourceAsStream("scenarios/realistic.json")) {
            JsonObject root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return root.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("logs");
        }
    }
}
