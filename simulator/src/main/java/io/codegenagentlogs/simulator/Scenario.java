package io.codegenagentlogs.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a simulator serves: runs with their logs and progression, accepted tokens, which logs paths
 * exist, an optional rate limit and scheduled faults. Immutable; the file format is described in
 * docs/simulator.md.
 */
public final class Scenario {
    private static final String BUNDLED_DIR = "scenarios/";
    private static final List<String> BUNDLED = List.of("realistic", "passing", "hostile", "large", "faulty", "progressive");

    private final String description;
    private final List<String> tokens;
    private final Routes.Style paths;
    private final RateLimit rateLimit;
    private final Map<Integer, Fault> faults;
    private final List<RunSpec> runs;

    Scenario(String description, List<String> tokens, Routes.Style paths, RateLimit rateLimit,
             Map<Integer, Fault> faults, List<RunSpec> runs) {
        this.description = description;
        this.tokens = List.copyOf(tokens);
        this.paths = paths;
        this.rateLimit = rateLimit;
        this.faults = Map.copyOf(faults);
        this.runs = List.copyOf(runs);
    }

    /** Reads a scenario file; a bad file fails with its name and what is wrong with it. */
    public static Scenario load(Path file) throws IOException {
        return ScenarioReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static Scenario fromJson(String json) {
        return ScenarioReader.read(json, "scenario");
    }

    /** One of {@link #bundledNames()}, shipped inside this jar. */
    public static Scenario bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("no bundled scenario '" + name + "'; bundled: " + BUNDLED);
        }
        String resource = BUNDLED_DIR + name + ".json";
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled scenario resource missing: " + resource);
            }
            return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled scenario " + resource, e);
        }
    }

    public static List<String> bundledNames() {
        return BUNDLED;
    }

    /** The scenario's free-text description, or null. */
    public String description() {
        return description;
    }

    /** The API tokens the simulator accepts. */
    public List<String> tokens() {
        return tokens;
    }

    /** The ids of the scenario's runs, in file order. */
    public List<Long> runIds() {
        return runs.stream().map(RunSpec::id).toList();
    }

    /** The organization a run belongs to (the org id its URLs need). */
    public long organizationId(long runId) {
        return runs.stream().filter(r -> r.id() == runId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run " + runId + " in this scenario; runs: " + runIds()))
                .organizationId();
    }

    Routes.Style paths() {
        return paths;
    }

    /** Null when the scenario sets no limit. */
    RateLimit rateLimit() {
        return rateLimit;
    }

    /** Faults keyed by the 1-based number of the eligible logs request they hit. */
    Map<Integer, Fault> faults() {
        return faults;
    }

    List<RunSpec> runs() {
        return runs;
    }
}
