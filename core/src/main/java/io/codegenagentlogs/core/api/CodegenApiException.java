package io.codegenagentlogs.core.api;

/**
 * The Codegen API could not give an answer. The message is one actionable line: what failed,
 * the server's own {@code message}/{@code detail} when it sent one, and what to do. It never
 * contains the API token.
 */
public final class CodegenApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ApiErrorKind kind;
    private final int httpStatus;
    private final String serverMessage;

    public CodegenApiException(ApiErrorKind kind, int httpStatus, String what, String serverMessage, Throwable cause) {
        super(compose(kind, httpStatus, what, serverMessage), cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.serverMessage = serverMessage;
    }

    private static String compose(ApiErrorKind kind, int httpStatus, String what, String serverMessage) {
        StringBuilder sb = new StringBuilder(what);
        // a 200 that could not be read says so in words; "(HTTP 200)" would only puzzle
        if (httpStatus > 0 && httpStatus != 200 && !what.contains("HTTP " + httpStatus)) {
            sb.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (serverMessage != null && !serverMessage.isBlank()) {
            sb.append(": ").append(OneLine.of(serverMessage, 300));
        }
        if (sb.charAt(sb.length() - 1) != '.') {
            sb.append('.');
        }
        sb.append(" To fix: ").append(kind.advice()).append('.');
        return sb.toString();
    }

    public ApiErrorKind kind() {
        return kind;
    }

    /** The HTTP status of the last answer, or 0 when there was none (connection failures). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's {@code message} or {@code detail}, or null. */
    public String serverMessage() {
        return serverMessage;
    }
}
