package io.codegenagentlogs.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulator decided to answer, before it touches the connection. {@code fault} is the fault
 * applied (null if none): the writer acts on the connection-level ones (drop, slow, slow drip,
 * truncated); the rest already shaped the body, its bytes or its content type.
 */
record Reply(int status, byte[] body, String contentType, Map<String, String> headers, Fault fault) {
    static final String JSON = "application/json";

    static Reply json(int status, String body) {
        return new Reply(status, body.getBytes(StandardCharsets.UTF_8), JSON, Map.of(), null);
    }

    /** Any bytes with any content type: HTML pages, empty bodies, broken UTF-8. */
    static Reply bytes(int status, byte[] body, String contentType) {
        return new Reply(status, body, contentType, Map.of(), null);
    }

    Reply withFault(Fault applied) {
        return new Reply(status, body, contentType, headers, applied);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, contentType, Map.copyOf(more), fault);
    }

    byte[] bodyBytes() {
        return body;
    }

    /** The status the client gets; a dropped connection gets none, recorded as 0. */
    int statusSent() {
        return fault != null && fault.kind() == Fault.Kind.DROP ? 0 : status;
    }
}
