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
        headers.set("Content-Type", "application/json");
        reply.headers().forEach(headers::set);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            beforeLastByte.run();
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
            return;
        }
        byte[] body = reply.bodyBytes();
        exchange.sendResponseHeaders(reply.status(), body.length);
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
        out.write(body, 0, body.length - 1);
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
