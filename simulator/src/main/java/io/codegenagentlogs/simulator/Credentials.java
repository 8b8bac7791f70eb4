package io.codegenagentlogs.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bearer token a request carries and whether the scenario accepts it. The token itself stays
 * here: anything recorded or printed uses {@link #fingerprint()}.
 */
final class Credentials {
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S+) *");

    private final String token;
    private final boolean authorized;

    private Credentials(String token, boolean authorized) {
        this.token = token;
        this.authorized = authorized;
    }

    /** Reads an Authorization header value (null if absent) against the accepted tokens. */
    static Credentials from(String authorizationHeader, Collection<String> acceptedTokens) {
        Matcher m = authorizationHeader == null ? null : BEARER.matcher(authorizationHeader);
        String token = m != null && m.matches() ? m.group(1) : null;
        return new Credentials(token, token != null && acceptedTokens.contains(token));
    }

    /** Null when the header is missing or not "Bearer &lt;token&gt;". */
    String token() {
        return token;
    }

    boolean authorized() {
        return authorized;
    }

    /** First 8 hex digits of the token's SHA-256: enough to tell tokens apart, useless to replay. */
    String fingerprint() {
        if (token == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
