package io.codegenagentlogs.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulator decided to answer, before it touches the connection. {@code fault} is the fault
 * applied (null if none): the writer acts on drop, slow and truncated; the rest already shaped the body.
 */
record Reply(int status, String body, Map<String, String> headers, Fault fault) {
    static Reply json(int status, String body) {
        return new Reply(status, body, Map.of(), null);
    }

    Reply withFault(Fault applied) {
        return new Reply(status, body, headers, applied);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, Map.copyOf(more), fault);
    }

    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The status the client gets; a dropped connection gets none, recorded as 0. */
    int statusSent() {
        return fault != null && fault.kind() == Fault.Kind.DROP ? 0 : status;
    }
}
