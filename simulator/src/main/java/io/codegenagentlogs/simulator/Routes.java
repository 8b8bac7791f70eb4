package io.codegenagentlogs.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which URL paths exist, given the scenario's choice of logs paths. */
final class Routes {
    /** Which of the two logs paths seen in the wild the simulator serves. */
    enum Style {
        BOTH, DOCUMENTED, ALPHA
    }

    /** What a request path asks for; ids stay raw text so a non-integer can be answered with 422. */
    enum Kind {
        LOGS, RUN, CREATE
    }

    record Match(Kind kind, String orgId, String runId) {
    }

    private static final Pattern DOCUMENTED_LOGS = Pattern.compile("/v1/organizations/([^/]+)/agent/run/([^/]+)/logs");
    private static final Pattern ALPHA_LOGS = Pattern.compile("/v1/alpha/organizations/([^/]+)/agent/run/([^/]+)/logs");
    private static final Pattern RUN = Pattern.compile("/v1/organizations/([^/]+)/agent/run/([^/]+)");
    private static final Pattern CREATE = Pattern.compile("/v1/organizations/([^/]+)/agent/run");

    private final Style style;

    Routes(Style style) {
        this.style = style;
    }

    /** The route for {@code method} and {@code path} (already percent-decoded), or null when none exists. */
    Match match(String method, String path) {
        if ("POST".equals(method)) {
            Matcher m = CREATE.matcher(path);
            return m.matches() ? new Match(Kind.CREATE, m.group(1), null) : null;
        }
        if (!"GET".equals(method)) {
            return null;
        }
        if (style != Style.ALPHA) {
            Match m = match(DOCUMENTED_LOGS, Kind.LOGS, path);
            if (m != null) {
                return m;
            }
        }
        if (style != Style.DOCUMENTED) {
            Match m = match(ALPHA_LOGS, Kind.LOGS, path);
            if (m != null) {
                return m;
            }
        }
        return match(RUN, Kind.RUN, path);
    }

    private static Match match(Pattern pattern, Kind kind, String path) {
        Matcher m = pattern.matcher(path);
        return m.matches() ? new Match(kind, m.group(1), m.group(2)) : null;
    }
}
