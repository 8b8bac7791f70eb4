package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

/** Status, timestamps, Retry-After, ids, base URLs and the token: the small value types. */
public class SmallTypesTest {

    @Test
    public void statusesCompareCaseInsensitivelyAndCompletedIsComplete() {
        assertEquals(RunStatus.Phase.SUCCEEDED, RunStatus.of("completed").phase());
        assertEquals(RunStatus.of("COMPLETE"), RunStatus.of(" Completed "));
        assertTrue(RunStatus.of("max_iterations_reached").isFailure());
        assertTrue(RunStatus.of("OUT_OF_TOKENS").isTerminal());
        assertEquals(RunStatus.Phase.RUNNING, RunStatus.of("evaluation").phase());
        assertEquals(RunStatus.Phase.WAITING_FOR_HUMAN, RunStatus.of("PAUSED").phase());
        assertEquals(RunStatus.Phase.UNKNOWN, RunStatus.of("WARMING_UP").phase());
        assertFalse(RunStatus.of(null).isTerminal());
        assertEquals("WARMING_UP", RunStatus.of("warming_up").toString());
    }

    @Test
    public void timestampsWithAndWithoutZoneOrFraction() {
        assertEquals(Instant.parse("2024-01-15T10:30:00Z"), Timestamps.parseOrNull("2024-01-15T10:30:00Z"));
        assertEquals(Instant.parse("2025-06-21T11:20:04.338398Z"), Timestamps.parseOrNull("2025-06-21 11:20:04.338398"));
        assertEquals(Instant.parse("2024-01-15T08:30:00Z"), Timestamps.parseOrNull("2024-01-15T10:30:00+02:00"));
        assertEquals(Instant.parse("2024-01-15T10:30:00Z"), Timestamps.parseOrNull("2024-01-15T10:30:00"));
        assertNull(Timestamps.parseOrNull("yesterday"));
        assertNull(Timestamps.parseOrNull(null));
    }

    @Test
    public void retryAfterInSecondsOrAsHttpDate() {
        long now = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();
        assertEquals(Duration.ofSeconds(7), RetryAfter.of(okhttp3.Headers.of("Retry-After", "7"), now));
        assertEquals(Duration.ZERO, RetryAfter.of(okhttp3.Headers.of("Retry-After", "0"), now));
        assertEquals(Duration.ofSeconds(30), RetryAfter.of(okhttp3.Headers.of("Retry-After", "Sat, 28 Nov 2026 12:00:30 GMT"), now));
        // a date already past asks for no wait (the watcher still waits its backoff)
        assertEquals(Duration.ZERO, RetryAfter.of(okhttp3.Headers.of("Retry-After", "Sat, 28 Nov 2026 11:00:00 GMT"), now));
        // the obsolete formats OkHttp also reads
        assertEquals(Duration.ofSeconds(30), RetryAfter.of(okhttp3.Headers.of("Retry-After", "Saturday, 28-Nov-26 12:00:30 GMT"), now));
        assertNull(RetryAfter.of(okhttp3.Headers.of("Retry-After", "soon"), now));
        assertNull(RetryAfter.of(okhttp3.Headers.of(), now));
    }

    @Test
    public void idsArePositiveIntegers() {
        assertEquals(12345, Ids.parse("run id", " 12345 "));
        for (String bad : new String[] {"", "abc", "-1", "0", "1.5", "99999999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.parse("run id", bad));
            assertTrue(e.getMessage(), e.getMessage().startsWith("The run id "));
        }
    }

    @Test
    public void baseUrlIsHttpsOrLoopbackHttp() {
        assertEquals("api.codegen.com", BaseUrls.parse(null).host());
        assertEquals(8080, BaseUrls.parse("http://127.0.0.1:8080").port());
        BaseUrls.parse("http://localhost:1");
        BaseUrls.parse("http://[::1]:1");
        for (String bad : new String[] {"http://api.codegen.com", "ftp://x", "not a url", "https://user:pw@api.codegen.com",
            "http://127.0.0.1.nip.io", "http://10.0.0.1"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> BaseUrls.parse(bad));
        }
    }

    @Test
    public void theTokenNeverShowsItself() {
        ApiToken token = ApiToken.of("  sk-secret-value\n");
        assertFalse(token.toString().contains("secret"));
        assertEquals("Bearer sk-secret-value", token.bearerHeader());
        assertEquals(16, token.fingerprint().length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiToken.of("two words"));
        assertFalse(e.getMessage().contains("words"));
    }

    @Test
    public void backoffGrowsWithJitterWithinBounds() {
        RetryPolicy p = RetryPolicy.of(Duration.ofSeconds(1), Duration.ofSeconds(8));
        for (int failed = 1; failed <= 6; failed++) {
            long cap = Math.min(8_000, 1_000L << (failed - 1)) * 1_000_000L;
            long d = p.backoffNanos(failed);
            assertTrue("attempt " + failed + ": " + d, d >= cap / 2 && d <= cap);
        }
        assertEquals(Duration.ofMinutes(5).toNanos(), p.retryAfterNanos(Duration.ofHours(3)));
    }

    @Test
    public void backoffNeverOverflowsIntoNoWaitAtAll() {
        RetryPolicy p = RetryPolicy.of(Duration.ofSeconds(1), Duration.ofSeconds(30));
        for (int failed = 1; failed <= 100; failed++) {
            long d = p.backoffNanos(failed);
            long cap = failed >= 6 ? Duration.ofSeconds(30).toNanos() : Math.min(30_000, 1_000L << (failed - 1)) * 1_000_000L;
            assertTrue("attempt " + failed + ": " + d, d >= cap / 2 && d <= cap);
        }
    }

    @Test
    public void durationsTooLongForADurationAreAnError() {
        for (String bad : new String[] {"9999999999999999h", "99999999999999999999", "153722867280912931m"}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class, () -> Durations.parse(bad));
            assertTrue(e.getMessage(), e.getMessage().contains("too long"));
        }
        assertEquals(Duration.ofHours(2_000_000_000L), Durations.parse("2000000000h"));
        // formatting the longest durations does not overflow either
        assertEquals("2562047788015215h", Durations.format(Duration.ofHours(2_562_047_788_015_215L)));
        assertEquals("2562047788015215h", Durations.format(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    public void oneLineNeverCutsASurrogatePairInHalf() {
        String emoji = "\uD83D\uDE00";
        for (int max = 1; max <= 8; max++) {
            String line = OneLine.of("ab" + emoji.repeat(5), max);
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(max + ": " + line, i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1)));
                }
            }
        }
        assertEquals("a…", OneLine.of("a" + emoji, 2));
    }
}
