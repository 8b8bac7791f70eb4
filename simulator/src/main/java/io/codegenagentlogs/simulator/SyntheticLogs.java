package io.codegenagentlogs.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic log entries, built on demand from (seed, index) so a run of 100,000 entries
 * costs nothing until a page is asked for, and the same index always yields the same text.
 * Entries look like a coding agent at work on a Java service; ERROR entries appear only every
 * {@code errorEvery}-th entry (never for 0) and the last entry is the FINAL_ANSWER.
 */
final class SyntheticLogs {
    private static final LocalDateTime START = LocalDateTime.of(2025, 6, 21, 11, 20, 4);
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String[] FILES = {
        "src/main/java/com/acme/billing/InvoiceService.java",
        "src/main/java/com/acme/billing/TaxCalculator.java",
        "src/test/java/com/acme/billing/InvoiceServiceTest.java",
        "src/main/resources/application.yml",
        "pom.xml",
        "README.md",
    };
    private static final String[] QUERIES = {
        "calculateTax", "InvoiceRepository", "TODO", "NullPointerException", "@Transactional", "RoundingMode",
    };
    private static final String[] PLANS = {
        "The rounding happens before tax is applied; I should move it after the multiplication.",
        "Tests cover the happy path only. I will add a case for zero-amount invoices.",
        "The repository call is outside the transaction boundary, which explains the stale read.",
        "Next I will run the unit tests to confirm the change compiles and passes.",
        "The configuration key is read in two places; I will keep the existing name for compatibility.",
    };

    private final long runId;
    private final int count;
    private final long seed;
    private final int errorEvery;
    private final int entryBytes;

    SyntheticLogs(long runId, int count, long seed, int errorEvery) {
        this(runId, count, seed, errorEvery, 0);
    }

    /** @param entryBytes when above an entry's natural size, the entry gets an {@code output_tail} text that brings it to about that many bytes */
    SyntheticLogs(long runId, int count, long seed, int errorEvery, int entryBytes) {
        this.runId = runId;
        this.count = count;
        this.seed = seed;
        this.errorEvery = errorEvery;
        this.entryBytes = entryBytes;
    }

    int size() {
        return count;
    }

    String entry(int index) {
        Objects.checkIndex(index, count);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        JsonObject log = new JsonObject();
        log.addProperty("agent_run_id", runId);
        // 250 ms apart plus jitter below that, so timestamps stay in order.
        long nanos = index * 250_000_000L + random.nextInt(250_000) * 1_000L;
        log.addProperty("created_at", CREATED_AT.format(START.plusNanos(nanos)));
        if (index == count - 1) {
            finalAnswer(log);
        } else if (errorEvery > 0 && (index + 1) % errorEvery == 0) {
            error(log, random);
        } else {
            int kind = random.nextInt(100);
            if (kind < 65) {
                action(log, random);
            } else if (kind < 90) {
                plain(log, "PLAN_EVALUATION", pick(random, PLANS));
            } else if (kind < 95) {
                plain(log, "COMMIT_EVALUATION", "Commit looks self-contained: one behaviour change plus its test.");
            } else {
                plain(log, "PR_EVALUATION", "The PR description matches the diff; no unrelated files changed.");
            }
        }
        String json = Json.GSON.toJson(log);
        int missing = entryBytes - json.length() - "\"output_tail\":\"\",".length();
        if (missing > 0) {
            log.addProperty("output_tail", tail(random, missing));
            json = Json.GSON.toJson(log);
        }
        return json;
    }

    /** Printable, compressible-but-not-trivial filler: words of a build log. */
    private static String tail(SplittableRandom random, int length) {
        String[] words = {"[INFO]", "Compiling", "141", "source", "files", "to", "target/classes", "BUILD", "SUCCESS", "Tests",
            "run:", "0,", "Failures:", "Downloading", "from", "central:", "com.acme", "billing", "module", "\u00e9t\u00e9"};
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            sb.append(words[random.nextInt(words.length)]).append(' ');
        }
        sb.setLength(length);
        return sb.toString();
    }

    private static void action(JsonObject log, SplittableRandom random) {
        String file = pick(random, FILES);
        JsonObject input = new JsonObject();
        JsonObject output = new JsonObject();
        String tool;
        switch (random.nextInt(5)) {
            case 0 -> {
                tool = "ripgrep_search";
                input.addProperty("query", pick(random, QUERIES));
                JsonArray extensions = new JsonArray();
                extensions.add(".java");
                input.add("file_extensions", extensions);
                int matches = random.nextInt(12);
                output.addProperty("matches", matches);
                JsonArray files = new JsonArray();
                files.add(file);
                output.add("files", files);
                JsonObject observation = new JsonObject();
                observation.addProperty("status", "success");
                observation.addProperty("summary", "Found " + matches + " matches");
                log.add("observation", observation);
            }
            case 1 -> {
                tool = "file_view";
                input.addProperty("path", file);
                output.addProperty("content", "package com.acme.billing;\n\nimport java.math.BigDecimal;\n");
                log.addProperty("observation", "Viewed " + file + " (" + (40 + random.nextInt(400)) + " lines)");
            }
            case 2 -> {
                tool = "file_edit";
                input.addProperty("path", file);
                input.addProperty("old_str", "amount.setScale(2)");
                input.addProperty("new_str", "amount.setScale(2, RoundingMode.HALF_EVEN)");
                output.addProperty("diff", "@@ -41 +41 @@\n-amount.setScale(2)\n+amount.setScale(2, RoundingMode.HALF_EVEN)");
                log.add("observation", null);
            }
            case 3 -> {
                tool = "file_write";
                input.addProperty("path", file);
                input.addProperty("content", "# Billing service\n");
                output.addProperty("bytes_written", 18 + random.nextInt(4000));
                log.addProperty("observation", "File written");
            }
            default -> {
                tool = "run_command";
                input.addProperty("command", "mvn -q -pl billing test");
                int tests = 20 + random.nextInt(200);
                output.addProperty("exit_code", 0);
                output.addProperty("stdout", "Tests run: " + tests + ", Failures: 0, Errors: 0, Skipped: 0");
                log.addProperty("observation", "Command succeeded");
            }
        }
        log.addProperty("message_type", "ACTION");
        log.addProperty("tool_name", tool);
        log.addProperty("thought", "Using " + tool + " on " + file);
        log.add("tool_input", input);
        log.add("tool_output", output);
    }

    private static void error(JsonObject log, SplittableRandom random) {
        log.addProperty("message_type", "ERROR");
        log.addProperty("tool_name", "run_command");
        JsonObject observation = new JsonObject();
        observation.addProperty("error", "Command failed with exit code 1");
        observation.addProperty("stderr", "InvoiceServiceTest.roundsHalfEven:" + (30 + random.nextInt(90))
                + " expected:<10.05> but was:<10.04>");
        log.add("observation", observation);
    }

    private static void finalAnswer(JsonObject log) {
        log.addProperty("message_type", "FINAL_ANSWER");
        log.addProperty("thought", "All tests pass; summarising the change.");
        log.addProperty("observation", "Fixed invoice rounding to HALF_EVEN and added a regression test.");
    }

    private static void plain(JsonObject log, String messageType, String thought) {
        log.addProperty("message_type", messageType);
        log.addProperty("thought", thought);
        log.add("observation", null);
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
