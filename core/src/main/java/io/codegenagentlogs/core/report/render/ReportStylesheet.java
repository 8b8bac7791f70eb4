package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.ReportFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The report's stylesheet, read from the classpath ({@link ReportFiles#CSS_RESOURCE}). */
public final class ReportStylesheet {
    private ReportStylesheet() {
    }

    /** The CSS text. */
    public static String text() {
        try (InputStream in = ReportStylesheet.class.getResourceAsStream(ReportFiles.CSS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ReportFiles.CSS_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
