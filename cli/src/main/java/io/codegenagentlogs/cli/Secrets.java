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

    void add(String secret) {
        if (secret != null) {
            String s = secret.strip();
            // very short values would mask ordinary words; a real token is long
            if (s.length() >= 4) {
                values.add(s);
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
            if (v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                t = ApiToken.of(v).redact(t); // its escaped and percent-encoded spellings too
            }
        }
        return t;
    }
}
