package io.codegenagentlogs.core.hostile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hostile corpus: agent text written to attack whoever displays it. The payloads live in
 * {@code corpus.json} beside this class (HTML/XSS with the OWASP filter-evasion vectors, CSS,
 * Markdown, GitHub workflow commands, terminal escapes and controls, Unicode tricks); the big ones
 * (1 MiB single lines) are made here. Shared by every module's tests through core's test jar.
 *
 * <p>Payloads that would make a request name {@code ${BEACON}}; {@link #load(String)} puts a URL
 * there, so that a browser test can see the request if any payload ever gets to run.
 */
public final class HostileCorpus {
    public static final String BEACON_PLACEHOLDER = "${BEACON}";
    /** Where beacons point when no test server listens: a name that never resolves (RFC 2606). */
    public static final String NO_BEACON = "https://beacon.invalid";
    public static final int MIB = 1024 * 1024;

    /** One hostile text, with where it comes from. */
    public record Payload(String category, String name, String text) {
        /** "category/name", for assertion messages. */
        public String id() {
            return category + "/" + name;
        }

        @Override
        public String toString() {
            return id();
        }
    }

    private HostileCorpus() {
    }

    /** Every payload, beacons pointing nowhere. */
    public static List<Payload> load() {
        return load(NO_BEACON);
    }

    /** Every payload, beacons pointing at {@code beaconBase} (no trailing slash). */
    public static List<Payload> load(String beaconBase) {
        List<Payload> out = new ArrayList<>();
        for (Payload p : fromFile()) {
            out.add(new Payload(p.category(), p.name(), p.text().replace(BEACON_PLACEHOLDER, beaconBase)));
        }
        out.addAll(generated(beaconBase));
        return Collections.unmodifiableList(out);
    }

    /** The small payloads only (no 1 MiB lines): for tests that build one report per payload. */
    public static List<Payload> small(String beaconBase) {
        return load(beaconBase).stream().filter(p -> !p.category().equals("size")).toList();
    }

    /** The payloads of one category. */
    public static List<Payload> category(String category) {
        return load().stream().filter(p -> p.category().equals(category)).toList();
    }

    /** Every small payload on its own line: one text that holds them all. */
    public static String allInOne(String beaconBase) {
        StringBuilder sb = new StringBuilder();
        for (Payload p : small(beaconBase)) {
            sb.append(p.text()).append('\n');
        }
        return sb.toString();
    }

    private static List<Payload> fromFile() {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("corpus.json")) {
            if (in == null) {
                throw new IllegalStateException("corpus.json is missing beside " + HostileCorpus.class.getName());
            }
            JsonObject root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            List<Payload> out = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("payloads")) {
                JsonObject o = e.getAsJsonObject();
                out.add(new Payload(o.get("category").getAsString(), o.get("name").getAsString(), o.get("text").getAsString()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Payload> generated(String beaconBase) {
        List<Payload> out = new ArrayList<>();
        out.add(new Payload("size", "1 MiB single line of markup",
                repeat("<b>x</b>&amp;\"'`|*_[x](javascript:alert(1)) ", MIB)));
        out.add(new Payload("size", "1 MiB of angle brackets", repeat("<", MIB)));
        out.add(new Payload("size", "1 MiB of zero-width spaces then a script",
                repeat("\u200B", MIB) + "<script>document.title='PWNED'</script>"));
        out.add(new Payload("size", "1 MiB of escape sequences", repeat("\u001b[31m\u001b]0;t\u0007", MIB)));
        return out;
    }

    private static String repeat(String unit, int chars) {
        StringBuilder sb = new StringBuilder(chars + unit.length());
        while (sb.length() < chars) {
            sb.append(unit);
        }
        return sb.toString();
    }
}
