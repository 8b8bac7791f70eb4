package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class RedactionTest {
    private static final String TOKEN = "sk/abc\"de\\f+g";

    @Test
    public void findsTheTokenHoweverItIsSpelled() throws IOException {
        Redaction r = new Redaction(TOKEN);
        StringBuilder htmlSafe = new StringBuilder();
        StringBuilder allUnicode = new StringBuilder();
        StringBuilder allUnicodeUpper = new StringBuilder();
        StringBuilder allPercent = new StringBuilder();
        StringBuilder mixed = new StringBuilder();
        int index = 0;
        for (char c : TOKEN.toCharArray()) {
            htmlSafe.append("+\"".indexOf(c) >= 0 ? String.format("\\u%04x", (int) c) : c == '\\' ? "\\\\" : String.valueOf(c));
            allUnicode.append(String.format("\\u%04x", (int) c));
            allUnicodeUpper.append(String.format("\\u%04X", (int) c));
            allPercent.append(String.format("%%%02X", (int) c));
            mixed.append(index++ % 2 == 0 ? String.format("%%%02x", (int) c) : String.format("\\u%04x", (int) c));
        }
        List<String> spellings = List.of(TOKEN, "sk\\/abc\\\"de\\\\f+g", "sk/abc\\\"de\\\\f+g", "sk%2Fabc%22de%5Cf%2Bg",
                "sk%2fabc%22de%5cf%2bg", URLEncoder.encode(TOKEN, StandardCharsets.UTF_8), htmlSafe.toString(), allUnicode.toString(),
                allUnicodeUpper.toString(), allPercent.toString(), mixed.toString(),
                // the escaped token as text inside JSON, escaped once more: a printed config file
                jsonEscaped(allUnicode.toString()), jsonEscaped("sk\\/abc\\\"de\\\\f+g"), jsonEscaped(htmlSafe.toString()));
        for (String spelling : spellings) {
            assertEquals(spelling, "a **** b", r.redact("a " + spelling + " b"));
            assertEquals(spelling, "{\"x\":\"****\"}", new String(readAll(r.redact(new Chunked(
                    ("{\"x\":\"" + spelling + "\"}").getBytes(StandardCharsets.UTF_8), 3))), StandardCharsets.UTF_8));
        }
    }

    /** Beyond ASCII: a character is its UTF-8 bytes raw or percent-encoded, or its UTF-16 units escaped. */
    @Test
    public void nonAsciiSecretsAreFoundInEveryForm() throws IOException {
        String secret = "k\u00e9y-\uD83D\uDE00-0001";
        Redaction r = new Redaction(secret);
        List<String> spellings = List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                "k\\u00E9y-\\ud83d\\ude00-0001", "k\\\\u00e9y-\\\\uD83D\\\\uDE00-0001");
        for (String spelling : spellings) {
            assertEquals(spelling, "<****>", r.redact("<" + spelling + ">"));
            assertEquals(spelling, "<****>", new String(readAll(r.redact(new Chunked(
                    ("<" + spelling + ">").getBytes(StandardCharsets.UTF_8), 2))), StandardCharsets.UTF_8));
        }
        String otherEmoji = "k\u00e9y-\uD83D\uDE01-0001";
        assertEquals(otherEmoji, r.redact(otherEmoji));
    }

    @Test
    public void nearMissesAndOtherCharactersEscapedStayAsTheyAre() throws IOException {
        Redaction r = new Redaction(TOKEN);
        // one character different, raw and escaped; the token cut short; a case change in a raw letter
        for (String text : List.of("sk/abc\"de\\f+h", "sk/abc\"de\\f%2Bh", "sk\\u002fabc\"de\\f+", "SK/abc\"de\\f+g",
                "\\u0073k/abc\"dE\\f+g")) {
            assertEquals(text, r.redact(text));
            assertEquals(text, new String(readAll(r.redact(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))),
                    StandardCharsets.UTF_8));
        }
    }

    /**
     * Backslashes have spellings that are prefixes of each other ({@code \} and {@code \\}): a matcher
     * that backtracked would try about 10^8 ways through each run of 39 here before giving up.
     */
    @Test(timeout = 20_000)
    public void overlappingSpellingsCostNoBacktracking() {
        String secret = "\\".repeat(40);
        Redaction r = new Redaction(secret);
        String nearMisses = ("\\".repeat(39) + "x").repeat(200);
        assertEquals(nearMisses, r.redact(nearMisses));
        // every backslash JSON-escaped: one occurrence, masked whole
        assertEquals("a **** b", r.redact("a " + "\\".repeat(80) + " b"));
    }

    @Test
    public void streamsFindTheTokenAcrossEveryPossibleReadBoundary() throws IOException {
        Redaction r = new Redaction(TOKEN);
        String text = "{\"x\":\"" + "sk\\/abc\\\"de\\\\f+g" + "\",\"y\":\"sk%2Fabc%22de%5Cf%2Bg-" + TOKEN + "\"}";
        String expected = "{\"x\":\"****\",\"y\":\"****-****\"}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            assertEquals("reads of " + chunk, expected, new String(readAll(r.redact(new Chunked(bytes, chunk))), StandardCharsets.UTF_8));
        }
    }

    @Test
    public void textWithoutTheTokenPassesUnchangedEvenInBigStreams() throws IOException {
        Redaction r = new Redaction("tok-12345");
        byte[] big = ("tok-1234 tok-123456 " + "\u00e9".repeat(100_000) + " tok").getBytes(StandardCharsets.UTF_8);
        byte[] out = readAll(r.redact(new Chunked(big, 7777)));
        assertEquals(new String(big, StandardCharsets.UTF_8).replace("tok-12345", "****"), new String(out, StandardCharsets.UTF_8));
        assertFalse(new String(out, StandardCharsets.UTF_8).contains("tok-12345"));
    }

    @Test
    public void aSecretTooShortToBeATokenIsNotLookedForSoTextStaysIntact() throws IOException {
        Redaction r = new Redaction("t");
        String page = "{\"status\":\"COMPLETE\",\"total_logs\":3}";
        assertEquals(page, r.redact(page));
        assertEquals(page, new String(readAll(r.redact(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)))),
                StandardCharsets.UTF_8));
        assertEquals("a **** b", new Redaction("12345678").redact("a 12345678 b"));
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /** Hands out at most {@code chunk} bytes per read, as a network would. */
    private static final class Chunked extends ByteArrayInputStream {
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
