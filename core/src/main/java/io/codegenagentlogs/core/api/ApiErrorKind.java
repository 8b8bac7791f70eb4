package io.codegenagentlogs.core.api;

/** What went wrong talking to the Codegen API, each with the one thing a user can do about it. */
public enum ApiErrorKind {
    BAD_REQUEST("check the run and organization ids"),
    UNAUTHORIZED("check that the API token is set and valid (CODEGEN_API_TOKEN or the credential)"),
    FORBIDDEN("check that the token's user belongs to the organization"),
    RUN_NOT_FOUND("check the run id and the organization id"),
    VALIDATION("the request was rejected as invalid; check the ids and the base URL"),
    RETRIES_EXHAUSTED("the API kept failing; try again later or raise the retry limit"),
    MALFORMED_RESPONSE("the API answered something that is not a logs page; check the base URL"),
    UNEXPECTED_STATUS("check the base URL and Codegen's status page");

    private final String advice;

    ApiErrorKind(String advice) {
        this.advice = advice;
    }

    /** What to do about it, in a few words. */
    public String advice() {
        return advice;
    }
}
