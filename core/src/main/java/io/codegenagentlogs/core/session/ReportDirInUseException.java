package io.codegenagentlogs.core.session;

import java.io.IOException;

/** Another gate is writing the report directory: this one is refused before it touches any file. */
public final class ReportDirInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    public ReportDirInUseException(String message) {
        super(message);
    }
}
