package io.codegenagentlogs.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Puts a {@link Reply} on the wire, carrying out the connection-level faults. The JDK server closes
 * the connection when an exchange is closed before any header, or when the handler throws: both are
 * used on purpose to break a connection mid-way.
 *
 * <p>{@code beforeLastByte} runs just before the client can have the whole answer (its last byte, the
 * close of a dropped or truncated connection): so once a client has read a response, its call is
 * already in the {@link RequestLog}, and tests need not wait for the server to catch up.
 */
final class ReplyWriter {
    /** Bytes per write of a slow drip. */
    private static final int DRIP_CHUNK = 64;

    private ReplyWriter() {
    }

    static void write(HttpExchange exchange, Reply reply, Runnable beforeLastByte) throws IOException {
        Fault fault = reply.fault();
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.DROP) {
            beforeLastByte.run();
            exchange.close();
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        reply.headers().forEach(headers::set);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            beforeLastByte.run();
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
            return;
        }
        byte[] body = reply.bodyBytes();
        // -1: no body at all (the JDK server's convention); an empty body is still a response
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length == 0) {
            beforeLastByte.run();
            exchange.close();
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (kind == Fault.Kind.SLOW) {
            out.flush();
            pause(fault);
        }
        if (kind == Fault.Kind.TRUNCATED) {
            out.write(body, 0, body.length / 2);
            out.flush();
            beforeLastByte.run();
            throw new IOException("simulated truncated response: connection closed mid-body");
        }
        if (kind == Fault.Kind.SLOW_DRIP) {
            out.flush();
            for (int at = 0; at < body.length - 1; at += DRIP_CHUNK) {
                out.write(body, at, Math.min(DRIP_CHUNK, body.length - 1 - at));
                out.flush();
                pause(fault);
            }
        } else {
            out.write(body, 0, body.length - 1);
        }
        beforeLastByte.run();
        out.write(body, body.length - 1, 1);
        out.close();
    }

    private static void pause(Fault slow) throws InterruptedIOException {
        try {
            Thread.sleep(slow.delay().toMillis());
        } catch (InterruptedException e) {
            // The simulator is closing: give up on this response rather than hold up shutdown.
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("simulator closed during a slow response");
        }
    }
}
