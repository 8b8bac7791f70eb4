package io.codegenagentlogs.core.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a report directory on the loopback address as Jenkins serves build artifacts: with its
 * default Content-Security-Policy (plus a report-uri, so that the browser tells us about any
 * violation), and records every request: a request for anything but the page and its stylesheet
 * means some payload made the browser fetch.
 */
final class ArtifactServer implements Closeable {
    /** Jenkins' default for artifacts (hudson.model.DirectoryBrowserSupport.CSP). */
    static final String JENKINS_ARTIFACT_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";
    static final String REPORT_PATH = "/csp-report";

    private final HttpServer server;
    private final Path dir;
    private final List<String> requests = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    private final boolean csp;

    ArtifactServer(Path dir) throws IOException {
        this(dir, true);
    }

    /** Without {@code csp}, for the control test that shows a script would be seen running. */
    ArtifactServer(Path dir, boolean csp) throws IOException {
        this.dir = dir;
        this.csp = csp;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (path.equals(REPORT_PATH)) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (this) {
                    violations.add(body);
                }
                ex.sendResponseHeaders(204, -1);
                return;
            }
            synchronized (this) {
                requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            }
            Path file = path.length() > 1 && !path.contains("..") ? dir.resolve(path.substring(1)) : null;
            if (file == null || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            String type = path.endsWith(".css") ? "text/css" : path.endsWith(".html") ? "text/html" : "application/octet-stream";
            ex.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
            if (csp) {
                ex.getResponseHeaders().set("Content-Security-Policy", JENKINS_ARTIFACT_CSP + " report-uri " + REPORT_PATH + ";");
            }
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
