package io.codegenagentlogs.core.api;

import java.time.Duration;
import okhttp3.HttpUrl;

/** What one HTTP attempt came to, and whether another attempt could do better. */
final class Attempt {
    final int status;
    final String body;
    final Duration retryAfter;
    final boolean retryable;
    final String failure;
    final Throwable cause;

    private Attempt(int status, String body, Duration retryAfter, boolean retryable, String failure, Throwable cause) {
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
        this.failure = failure;
        this.cause = cause;
    }

    static Attempt answered(int status, String body, Duration retryAfter) {
        boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
        String failure = status == 200 ? null : "HTTP " + status + describe(body);
        return new Attempt(status, body, retryAfter, retryable, failure, null);
    }

    static Attempt transientFailure(int status, String failure) {
        return new Attempt(status, null, null, true, failure, null);
    }

    static Attempt transientFailure(int status, String failure, Throwable cause) {
        return new Attempt(status, null, null, true, failure, cause);
    }

    private static String describe(String body) {
        String message = ErrorBodies.message(body);
        return message == null ? "" : " (" + OneLine.of(message, 120) + ")";
    }

    CodegenApiException toException(HttpUrl url, boolean triedBothPaths) {
        String server = ErrorBodies.message(body);
        return switch (status) {
            case 400 -> new CodegenApiException(ApiErrorKind.BAD_REQUEST, status, "The Codegen API rejected the request", server, null);
            case 401 -> new CodegenApiException(ApiErrorKind.UNAUTHORIZED, status, "The Codegen API did not accept the token", server, null);
            case 403 -> new CodegenApiException(ApiErrorKind.FORBIDDEN, status, "The token may not read this organization's runs", server, null);
            case 404 -> triedBothPaths && !ErrorBodies.isRunNotFound(body)
                    ? new CodegenApiException(ApiErrorKind.UNEXPECTED_STATUS, status, "No logs endpoint at " + url.scheme() + "://"
                            + url.host() + ":" + url.port() + " (neither /v1/organizations/... nor /v1/alpha/organizations/... exists)", server, null)
                    : new CodegenApiException(ApiErrorKind.RUN_NOT_FOUND, status, "Agent run not found", server, null);
            case 422 -> new CodegenApiException(ApiErrorKind.VALIDATION, status, "The Codegen API found the request invalid", server, null);
            default -> new CodegenApiException(ApiErrorKind.UNEXPECTED_STATUS, status, "Unexpected answer from the Codegen API", server, null);
        };
    }
}
