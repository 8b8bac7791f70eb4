package io.codegenagentlogs.core.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Validates the API base URL: https anywhere, plain http only to this machine. A token must never
 * travel in clear text over a network.
 */
public final class BaseUrls {
    public static final String DEFAULT = "https://api.codegen.com";

    private BaseUrls() {
    }

    /** @throws IllegalArgumentException with one actionable line */
    public static HttpUrl parse(String baseUrl) {
        String text = baseUrl == null || baseUrl.isBlank() ? DEFAULT : baseUrl.trim();
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new IllegalArgumentException("The base URL '" + OneLine.of(text, 100)
                    + "' is not an http(s) URL: use e.g. " + DEFAULT);
        }
        if (url.username().length() > 0 || url.password().length() > 0 || url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("The base URL must not carry credentials, a query or a fragment: use e.g. " + DEFAULT);
        }
        if (url.scheme().equals("http") && !isLoopback(url.host())) {
            throw new IllegalArgumentException("The base URL " + url.scheme() + "://" + url.host()
                    + " uses plain http: use https (plain http is allowed only to localhost)");
        }
        return url;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would let DNS decide where the token goes.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
