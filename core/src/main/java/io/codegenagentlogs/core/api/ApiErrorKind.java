package io.codegenagentlogs.core.api;

/** What went wrong talking to the Codegen API, each with the one thing a user can do about it. */
public enum ApiErrorKind {
    /** The base URL's host does not resolve. */
    UNKNOWN_HOST("check the base URL (--base-url, or baseUrl in Jenkins) and this machine's DNS"),
    /** Nothing listens at the base URL's host and port, or connecting timed out. */
    CONNECTION_FAILED("check the base URL's host and port, and that no proxy or firewall is in the way"),
    /** The TLS handshake failed: certificate, protocol, or an intercepting proxy. */
    TLS("check that the base URL is the API's https address; behind a TLS-intercepting proxy, add its CA to the Java trust store"),
    /** The API answered with a redirect, which is not followed so that the token goes only where it was sent. */
    REDIRECTED("set the base URL to where the API really is (redirects are not followed, so the token goes only to the host you named)"),
    BAD_REQUEST("check the run and organization ids"),
    /** 401: Codegen's "Invalid or missing API token". */
    UNAUTHORIZED("check the token (CODEGEN_API_TOKEN, --token-file, or the Jenkins credential); create a new one in Codegen if it was revoked"),
    /** 403: a valid token whose user is not a member of the organization. */
    FORBIDDEN("check the organization id; the token's user must be a member of that organization"),
    RUN_NOT_FOUND("check the run id and the organization id"),
    /** A route-level 404 on both logs paths: the base URL does not lead to the API. */
    NO_LOGS_ENDPOINT("check the base URL: it is the API's root, like https://api.codegen.com, without /v1"),
    VALIDATION("the request was rejected as invalid; check the ids and the base URL"),
    /** The API stayed unavailable for longer than the outage budget. */
    API_UNAVAILABLE("try again later, or allow a longer outage (--max-outage in the CLI, maxOutage in Jenkins)"),
    /** A page could not be read twice in a row. */
    MALFORMED_RESPONSE("if it happens again, report it with the run id; a proxy that rewrites answers, or a wrong base URL, can cause it"),
    /** A page is larger than the decoder's cap. */
    PAGE_TOO_LARGE("report it with the run id: the gate reads pages of at most 64 MiB"),
    UNEXPECTED_STATUS("check the base URL and Codegen's status page"),
    /** 402 on creating a run: the organization has no credits left. */
    PAYMENT_REQUIRED("add credits or check the plan of the organization in Codegen"),
    /**
     * A request that creates something failed after it was sent (a 5xx, a timeout, a reset): it may
     * have been carried out. Such a request is never retried, so nothing is created twice.
     */
    OUTCOME_UNKNOWN("look in Codegen whether the run was created before creating another: a creation is never retried");

    private final String advice;

    ApiErrorKind(String advice) {
        this.advice = advice;
    }

    /** What to do about it, in a few words. */
    public String advice() {
        return advice;
    }
}
