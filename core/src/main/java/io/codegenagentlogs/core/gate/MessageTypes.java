package io.codegenagentlogs.core.gate;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The message types Codegen documents, and the checking of a fail-on list against them. A typo must
 * not switch a gate off ({@code EROR} would fail on nothing), so an unknown type is an error that
 * names the closest documented one. A type the API adds later can still be given, explicitly, as
 * {@code custom:TYPE}.
 */
public final class MessageTypes {
    /** Codegen's documented {@code message_type} values. */
    public static final Set<String> DOCUMENTED = Set.of("ACTION", "PLAN_EVALUATION", "FINAL_ANSWER", "ERROR",
            "USER_MESSAGE", "USER_GITHUB_ISSUE_COMMENT", "INITIAL_PR_GENERATION", "DETECT_PR_ERRORS", "FIX_PR_ERRORS",
            "PR_CREATION_FAILED", "PR_EVALUATION", "COMMIT_EVALUATION", "AGENT_RUN_LINK");

    /** Written before a type that is not documented (yet), to fail on it anyway: {@code custom:TOOL_APPROVAL_REQUEST}. */
    public static final String CUSTOM_PREFIX = "custom:";

    private MessageTypes() {
    }

    /**
     * A fail-on list made ready for a {@link GatePolicy}: trimmed, upper case, blanks dropped, each a
     * documented type or a {@code custom:} one (the prefix dropped).
     *
     * @throws IllegalArgumentException with one line naming the bad type and the closest documented one
     */
    public static Set<String> parseFailOn(Collection<String> types) {
        TreeSet<String> out = new TreeSet<>();
        for (String t : types) {
            if (t == null || t.isBlank()) {
                continue;
            }
            String given = t.strip();
            if (given.regionMatches(true, 0, CUSTOM_PREFIX, 0, CUSTOM_PREFIX.length())) {
                String custom = given.substring(CUSTOM_PREFIX.length()).strip();
                if (!custom.matches("[A-Za-z0-9_.:-]+")) {
                    throw new IllegalArgumentException("'" + shown(given) + "' is not a message type: after custom: comes "
                            + "a type name of letters, digits and _ . : -, like custom:TOOL_APPROVAL_REQUEST");
                }
                out.add(custom.toUpperCase(Locale.ROOT));
                continue;
            }
            String upper = given.toUpperCase(Locale.ROOT);
            if (!DOCUMENTED.contains(upper)) {
                throw new IllegalArgumentException(unknown(given));
            }
            out.add(upper);
        }
        return out;
    }

    private static String unknown(String given) {
        String closest = closest(given);
        return "'" + shown(given) + "' is not a Codegen message type" + (closest == null ? "" : ": did you mean " + closest + "?")
                + " The documented types are " + String.join(", ", new TreeSet<>(DOCUMENTED))
                + "; for a type the API added later, write custom:" + shown(given).toUpperCase(Locale.ROOT);
    }

    private static String shown(String text) {
        return io.codegenagentlogs.core.api.OneLine.of(text, 60);
    }

    /** The documented type nearest to {@code given} (edit distance, ignoring case and - or space for _), or null when none is near. */
    static String closest(String given) {
        String g = given.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (DOCUMENTED.contains(g)) {
            return g;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String type : new TreeSet<>(DOCUMENTED)) {
            int d = distance(g, type);
            if (d < bestDistance) {
                bestDistance = d;
                best = type;
            }
        }
        return bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
