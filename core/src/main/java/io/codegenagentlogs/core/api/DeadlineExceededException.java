package io.codegenagentlogs.core.api;

/** The overall deadline came before the API gave an answer (for instance during a retry wait). */
public final class DeadlineExceededException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String message) {
        super(message);
    }
}
