package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.hostile.Fuzz;
import io.codegenagentlogs.core.hostile.HostileCorpus;
import io.codegenagentlogs.core.hostile.HostileReports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * The page decoder against generated pages: valid ones carrying hostile text (each entry must come
 * back exactly as sent), and byte-level mutations of them (flips, cuts, insertions, repeated chunks,
 * deep nesting). The only documented failure is {@link MalformedPageException}; any other exception,
 * or an error such as a stack overflow, fails. A short pass runs in every build; see {@link Fuzz}.
 */
public class PageDecoderFuzzTest {
    private static final List<HostileCorpus.Payload> CORPUS = HostileCorpus.small(HostileCorpus.NO_BEACON);

    @Test
    public void decodesValidPagesExactlyAndRejectsBrokenOnesOnlyWithMalformedPageException() throws Exception {
        Fuzz fuzz = Fuzz.start(8);
        long valid = 0;
        long rejected = 0;
        while (fuzz.next(50)) {
            Random random = fuzz.random();
            List<String> entries = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                List<String> raw = HostileReports.rawEntries(fuzz.text(CORPUS));
                entries.add(raw.get(random.nextInt(raw.size())));
            }
            String page = "{\"id\": 12345, \"organization_id\": 67890, \"status\": \"RUNNING\", \"created_at\": null, "
                    + "\"web_url\": null, \"result\": null, \"metadata\": {\"x\": [1, {\"y\": null}]}, \"total_logs\": " + n
                    + ", \"page\": 1, \"size\": 100, \"pages\": 1, \"logs\": [" + String.join(", ", entries) + "]}";
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            try {
                LogPage decoded = decode(bytes);
                assertEquals(fuzz.where(), n, decoded.logs().size());
                for (int i = 0; i < n; i++) {
                    assertEquals(fuzz.where() + ": entry " + i + " as sent", entries.get(i), decoded.logs().get(i).rawJson());
                }
                valid++;
            } catch (Throwable t) {
                throw new AssertionError(fuzz.where() + ": a valid page was refused: " + t, t);
            }
            byte[] mutated = mutate(bytes, random);
            try {
                decode(mutated);
            } catch (MalformedPageException expected) {
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError(fuzz.where() + ": undocumented " + t + " for "
                        + new String(mutated, 0, Math.min(mutated.length, 300), StandardCharsets.UTF_8), t);
            }
        }
        assertTrue(valid >= 50);
        System.out.println("PageDecoderFuzzTest: " + valid + " valid pages, " + rejected + " mutated pages rejected, " + fuzz.where());
    }

    private static LogPage decode(byte[] bytes) throws Exception {
        return PageDecoder.decode(new ByteArrayInputStream(bytes), 67890, 12345);
    }

    private static byte[] mutate(byte[] in, Random random) {
        StringBuilder sb = new StringBuilder(new String(in, StandardCharsets.ISO_8859_1));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(7)) {
                case 0 -> sb.setCharAt(at, (char) random.nextInt(256));
                case 1 -> sb.setLength(at);
                case 2 -> sb.insert(at, "{}[]\",:\\ntrue-0.5e9".charAt(random.nextInt(19)));
                case 3 -> sb.deleteCharAt(at);
                case 4 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + random.nextInt(40))));
                case 5 -> sb.insert(at, "[".repeat(1 + random.nextInt(20_000)));
                default -> sb.insert(at, "\\u" + Integer.toHexString(random.nextInt(0x10000)));
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
