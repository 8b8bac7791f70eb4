package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonParser;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReportWriterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void writesEveryFileIntoANewDirectoryAndNoTemporaryOnes() throws IOException {
        Path dir = tmp.getRoot().toPath().resolve("a/b/report");
        Report r = Fixtures.hostileReport("");
        ReportWriter.writeAll(r, dir);
        ReportWriter.writeAll(r, dir); // again: replaces
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(List.of(ReportFiles.JUNIT_XML, ReportFiles.REPORT_CSS, ReportFiles.REPORT_HTML,
                ReportFiles.SUMMARY_JSON, ReportFiles.SUMMARY_MD), names);
        assertEquals(JsonSummaryRenderer.render(r), Files.readString(dir.resolve(ReportFiles.SUMMARY_JSON)));
        assertEquals(ReportStylesheet.text(), Files.readString(dir.resolve(ReportFiles.REPORT_CSS)));
        assertTrue(JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.SUMMARY_JSON))).isJsonObject());
        XmlAssert.parse(Files.readString(dir.resolve(ReportFiles.REPORT_HTML)));
        XmlAssert.parse(Files.readString(dir.resolve(ReportFiles.JUNIT_XML)));
    }

    @Test
    public void reportFilesGetTheSamePermissionsAsAnyNewFileNotOwnerOnlyOnes() throws IOException {
        Path dir = tmp.newFolder("perms").toPath();
        org.junit.Assume.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        // what the process's umask gives a new file here (logs.ndjson is created this way)
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Files.delete(plain);
        ReportWriter.writeAll(Fixtures.hostileReport(""), dir);
        for (String f : List.of(ReportFiles.SUMMARY_JSON, ReportFiles.SUMMARY_MD, ReportFiles.REPORT_HTML, ReportFiles.REPORT_CSS,
                ReportFiles.JUNIT_XML)) {
            assertEquals(f, expected, Files.getPosixFilePermissions(dir.resolve(f)));
        }
    }
}
