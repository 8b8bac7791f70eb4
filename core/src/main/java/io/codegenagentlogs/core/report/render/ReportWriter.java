package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.NdjsonLogWriter;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the report files into a directory, each one whole or not at all: a reader (a CI step, the
 * Jenkins page, a person reloading the page) never sees half a file. {@code logs.ndjson} is not
 * written here: {@link NdjsonLogWriter} writes it into the same directory during the watch.
 */
public final class ReportWriter {
    private static final SecureRandom RANDOM = new SecureRandom();
    private ReportWriter() {
    }

    /** Writes summary.json, summary.md, report.html, report.css and junit.xml, creating {@code dir}. */
    public static void writeAll(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        // render everything first: a renderer failing leaves the previous files as they were
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ReportFiles.SUMMARY_JSON, JsonSummaryRenderer.render(report));
        files.put(ReportFiles.SUMMARY_MD, MarkdownRenderer.render(report));
        files.put(ReportFiles.REPORT_CSS, ReportStylesheet.text());
        files.put(ReportFiles.REPORT_HTML, HtmlReportRenderer.renderDocument(report));
        files.put(ReportFiles.JUNIT_XML, JUnitXmlRenderer.render(report));
        for (Map.Entry<String, String> f : files.entrySet()) {
            writeAtomically(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /**
     * Writes a temporary file beside the target, then moves it over the target, so that a reader (a
     * Jenkins page, say) sees the old file or the new one, never half of one.
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        // not Files.createTempFile: its owner-only permissions would travel with the move, and the report
        // would be unreadable to anyone else (a web server, a CI agent's other user) unlike logs.ndjson
        Path tmp = newTemporaryFile(target);
        try {
            // getBytes, not writeString: it replaces what UTF-8 cannot encode instead of failing
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                // on disk before the rename: a crash must not leave an empty file under the real name
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file beside {@code target}, with the permissions any new file gets here (the umask's). */
    private static Path newTemporaryFile(Path target) throws IOException {
        while (true) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }
}
