package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class RedactionTest {
    private static final String TOKEN = "sk/abc\"de\\f+g";

    @Test
    public void findsTheTokenAsIsJsonEscapedAndUrlEncoded() {
        Redaction r = new Redaction(TOKEN);
        assertEquals(List.of("sk%2Fabc%22de%5Cf%2Bg", "sk%2fabc%22de%5cf%2bg", "sk\\/abc\\\"de\\\\f+g", "sk/abc\\\"de\\\\f+g",
                "sk/abc\"de\\f+g"), r.forms());
        for (String form : r.forms()) {
            assertEquals("a **** b", r.redact("a " + form + " b"));
        }
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
