package io.codegenagentlogs.core.api;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;

/** Reads a {@code Retry-After} header: delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The wait it asks for (never negative: a date already past is zero), or null when absent or
     * unreadable. Dates are read by OkHttp's {@link Headers#getInstant}, which knows the three HTTP
     * date formats.
     */
    public static Duration of(Headers headers, long nowEpochMillis) {
        String h = headers.get("Retry-After");
        if (h == null || h.isBlank()) {
            return null;
        }
        String t = h.trim();
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(t));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
            }
        }
        Instant at = headers.getInstant("Retry-After");
        if (at == null) {
            return null;
        }
        long millis = at.toEpochMilli() - nowEpochMillis;
        return Duration.ofMillis(Math.max(0, millis));
    }
}
