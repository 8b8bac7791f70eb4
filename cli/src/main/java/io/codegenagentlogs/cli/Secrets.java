package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.ApiToken;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The token values this process knows of, to blank out of any error text before it is printed: a
 * last line of defence behind messages that are written never to contain them.
 */
final class Secrets {
    private static final String MASK = "****";
    private final Set<String> values = new CopyOnWriteArraySet<>();
    /** The values that can be API tokens (printable ASCII), whose escaped and percent-encoded spellings are masked too. */
    private final Set<ApiToken> tokens = new CopyOnWriteArraySet<>();

    void add(String secret) {
        if (secret != null) {
            String s = secret.strip();
            // very short values would mask ordinary words; a real token is long
            if (s.length() >= 4 && values.add(s) && s.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                tokens.add(ApiToken.of(s));
            }
        }
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String v : values) {
            t = t.replace(v, MASK);
        }
        for (ApiToken token : tokens) {
            t = token.redact(t);
        }
        return t;
    }
}
