package io.codegenagentlogs.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the simulator served. {@code sequence} numbers requests from 1 in order of arrival;
 * {@code status} is 0 when the connection was dropped without a response; {@code fault} names the
 * injected fault ("drop", "slow", ...) or is null; {@code tokenFingerprint} is the first 8 hex digits of
 * the SHA-256 of the bearer token sent (null if none): the token itself is never recorded.
 * Times are {@link System#nanoTime()} values at arrival and when the response was (all but) written.
 */
public record RecordedCall(int sequence, String method, String path, Map<String, String> query,
                           boolean authorized, String tokenFingerprint, int status, String fault,
                           long startNanos, long endNanos) {
    public RecordedCall {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }
}
