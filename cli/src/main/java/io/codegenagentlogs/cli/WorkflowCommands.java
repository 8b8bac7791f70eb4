package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.report.SafeText;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * GitHub Actions workflow commands ({@code ::name key=value::message}), written so that no text we
 * pass along can end one early or start another: data and properties are escaped as the runner
 * unescapes them, and agent text is cleaned to one printable line first.
 */
final class WorkflowCommands {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkflowCommands() {
    }

    /** {@code ::add-mask::VALUE}: the runner replaces VALUE by {@code ***} in everything logged after it. */
    static String addMask(String value) {
        return "::add-mask::" + escapeData(value);
    }

    /** {@code ::group::TITLE}: a foldable section of the log, until {@link #endGroup()}. */
    static String group(String title) {
        return "::group::" + escapeData(SafeText.oneLine(title, 200));
    }

    static String endGroup() {
        return "::endgroup::";
    }

    /** {@code ::stop-commands::TOKEN}: the runner ignores every workflow command until {@link #resumeCommands}. */
    static String stopCommands(String token) {
        return "::stop-commands::" + token;
    }

    /** {@code ::TOKEN::}: workflow commands are processed again. */
    static String resumeCommands(String token) {
        return "::" + token + "::";
    }

    /**
     * A fresh token nobody can guess (128 random bits): agent text printed while commands are
     * stopped cannot resume them, since it cannot know the token.
     */
    static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "codegen-agent-logs-" + HexFormat.of().formatHex(b);
    }

    /** An annotation: {@code level} is error, warning or notice; title and message may hold agent text. */
    static String annotation(String level, String title, String message) {
        return "::" + level + " title=" + escapeProperty(SafeText.oneLine(title, 200)) + "::"
                + escapeData(SafeText.oneLine(message, 1000));
    }

    /** Escapes a command's message as the runner expects: {@code %}, CR and LF. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value: as {@link #escapeData}, plus {@code :} and {@code ,}, which end a property. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * Makes one line of ours inert outside a stopped region: a line the runner would read as a
     * command starts with {@code ::} (after spaces), or holds the older {@code ##[} form anywhere.
     */
    static String defuse(String line) {
        String s = line.replace("##[", "# #[");
        String lead = s.stripLeading();
        return lead.startsWith("::") ? "  :" + lead.substring(1) : s;
    }
}
