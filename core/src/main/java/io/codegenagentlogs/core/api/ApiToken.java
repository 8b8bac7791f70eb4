package io.codegenagentlogs.core.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Codegen API token. Its {@link #toString()} never shows it, so that no log line, exception
 * or debugger view can leak it; only {@link #bearerHeader()} reveals it, to the HTTP layer.
 */
public final class ApiToken {
    private final String value;
    private final Redaction redaction;

    private ApiToken(String value) {
        this.value = value;
        this.redaction = new Redaction(value);
    }

    /** @throws IllegalArgumentException when blank (the message does not include the value) */
    public static ApiToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The Codegen API token is empty: set CODEGEN_API_TOKEN or pass a token file / credential");
        }
        String t = value.strip();
        if (t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The Codegen API token contains spaces or non-ASCII characters: check that the token file holds only the token");
        }
        return new ApiToken(t);
    }

    String bearerHeader() {
        return "Bearer " + value;
    }

    /**
     * {@code text} with every occurrence of the token replaced, as is, JSON-escaped or URL-encoded:
     * for what a server sends back, which could echo it.
     */
    public String redact(String text) {
        return redaction.redact(text);
    }

    /** Masks the token in strings and streams. */
    Redaction redaction() {
        return redaction;
    }

    /**
     * A stable, non-reversible name for the token (first 16 hex digits of its SHA-256), used to
     * share one rate limiter between all watchers of the same token.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[****]";
    }
}
