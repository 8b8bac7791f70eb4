package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.codegenagentlogs.core.api.BaseUrls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The API base URLs an administrator lets Jenkinsfiles point the controller at. A step's
 * {@code baseUrl} receives the Codegen token (the global default one included) and its answers are
 * echoed into the build console, so any Jenkinsfile author could otherwise send the token to a host
 * of their choosing. Two URLs are the same when their scheme, host, port and path are (a trailing
 * slash and letter case of scheme and host aside).
 */
final class AllowedBaseUrls {
    private final List<String> urls;
    private final Set<String> keys;

    private AllowedBaseUrls(List<String> urls) {
        this.urls = Collections.unmodifiableList(urls);
        Set<String> k = new LinkedHashSet<>();
        for (String u : urls) {
            k.add(key(u));
        }
        this.keys = k;
    }

    /**
     * The list from the global configuration's text (one URL a line, blank lines and {@code #} comments
     * ignored); the default, Codegen's own API, when the text is blank.
     *
     * @throws IllegalArgumentException naming the first line that is not a valid base URL
     */
    static @NonNull AllowedBaseUrls parse(@CheckForNull String text) {
        List<String> urls = new ArrayList<>();
        if (text != null) {
            int line = 0;
            for (String raw : text.split("\\R")) {
                line++;
                String t = raw.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                try {
                    BaseUrls.parse(t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Line " + line + ": " + e.getMessage(), e);
                }
                urls.add(t);
            }
        }
        return new AllowedBaseUrls(urls.isEmpty() ? List.of(BaseUrls.DEFAULT) : urls);
    }

    /** Whether {@code baseUrl} (a valid base URL) is one of the list, or {@code alsoAllowed} (the global default). */
    boolean allows(@NonNull String baseUrl, @CheckForNull String alsoAllowed) {
        String k = key(baseUrl);
        return keys.contains(k) || (alsoAllowed != null && key(alsoAllowed).equals(k));
    }

    @NonNull
    List<String> urls() {
        return urls;
    }

    /** scheme://host:port/path, without a trailing slash; the text itself when it does not parse. */
    static String key(String baseUrl) {
        HttpUrl url;
        try {
            url = BaseUrls.parse(baseUrl);
        } catch (IllegalArgumentException e) {
            return baseUrl.strip();
        }
        String path = url.encodedPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return url.scheme() + "://" + url.host().toLowerCase(Locale.ROOT) + ":" + url.port() + path;
    }
}
