package io.codegenagentlogs.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Map;

/** Serves every request: reads it, lets {@link Api} decide, writes the reply and records the call. */
final class ApiHandler implements HttpHandler {
    private final Api api;
    private final Collection<String> tokens;
    private final RequestLog log;
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private int sequence;

    private record Arrival(int sequence, long startNanos) {
    }

    ApiHandler(Api api, Collection<String> tokens, RequestLog log) {
        this.api = api;
        this.tokens = tokens;
        this.log = log;
    }

    /** Numbers and timestamps arrivals together, so sequence order is also start-time order. */
    private synchronized Arrival arrive() {
        return new Arrival(++sequence, System.nanoTime());
    }

    /** A request body, bounded: no real creation request comes near the limit. */
    private static String readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Arrival arrival = arrive();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        Map<String, String> query = RequestParams.parseQuery(uri.getRawQuery());
        Credentials credentials = Credentials.from(exchange.getRequestHeaders().getFirst("Authorization"), tokens);
        Reply reply;
        try {
            String body = "POST".equals(method) ? readBody(exchange) : null;
            reply = api.respond(method, uri.getPath(), query, credentials, body);
        } catch (RuntimeException e) {
            // A simulator bug should reach the test as a readable 500, not as a silently dropped connection.
            reply = Reply.json(500, ErrorBodies.message("Simulator error: " + e, 500));
        }
        Reply answered = reply;
        boolean[] recorded = {false};
        Runnable record = () -> {
            if (!recorded[0]) {
                recorded[0] = true;
                log.record(new RecordedCall(arrival.sequence(), method, uri.getRawPath(), query,
                        credentials.authorized(), credentials.fingerprint(), answered.statusSent(),
                        answered.fault() == null ? null : answered.fault().name(), arrival.startNanos(), System.nanoTime()));
            }
        };
        try {
            ReplyWriter.write(exchange, answered, record);
        } finally {
            record.run(); // also when the client went away before the end
        }
    }
}
