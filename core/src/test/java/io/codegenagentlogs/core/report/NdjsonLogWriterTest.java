package io.codegenagentlogs.core.report;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonParser;
import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.api.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class NdjsonLogWriterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final List<String> RAW = List.of(
            "{\"agent_run_id\":1,\"message_type\":\"ACTION\",\"thought\":\"caf\u00e9 \u4e2d\u6587 \uD83D\uDE00\"}",
            "{ \"agent_run_id\" : 1 , \"message_type\":\"ERROR\", \"observation\":\"a\\nb\\u0000\\\"q\\\"\", \"extra\": [1, 2.50, true] }",
            "{\"agent_run_id\":1,\"message_type\":\"FINAL_ANSWER\",\"observation\":{\"z\":1,\"a\":2},\"unknown_field\":null}");

    @Test
    public void writesEachEntryExactlyAsReceived() throws IOException {
        Path file = tmp.getRoot().toPath().resolve(ReportFiles.LOGS_NDJSON);
        try (NdjsonLogWriter w = NdjsonLogWriter.open(file, 0)) {
            for (int i = 0; i < RAW.size(); i++) {
                w.onEntry(i, EntryDecoder.decode(RAW.get(i)));
            }
            assertEquals(3, w.entries());
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String raw : RAW) {
            expected.writeBytes(raw.getBytes(StandardCharsets.UTF_8));
            expected.write('\n');
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    public void flushMakesEntriesVisibleBeforeClose() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        try (NdjsonLogWriter w = NdjsonLogWriter.open(file, 0)) {
            w.onEntry(0, EntryDecoder.decode(RAW.get(0)));
            w.flush();
            assertEquals(RAW.get(0) + "\n", Files.readString(file));
        }
    }

    @Test
    public void resumeCutsLinesPastTheCursorAndAppends() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        // three entries written, then a crash mid-write of the fourth; the cursor says 2 were delivered
        Files.writeString(file, RAW.get(0) + "\n" + RAW.get(1) + "\n" + RAW.get(2) + "\n{\"agent_run_id\":1,\"mess",
                StandardCharsets.UTF_8);
        try (NdjsonLogWriter w = NdjsonLogWriter.open(file, 2)) {
            assertEquals(2, w.entries());
            w.onEntry(2, EntryDecoder.decode(RAW.get(2)));
        }
        assertEquals(RAW.get(0) + "\n" + RAW.get(1) + "\n" + RAW.get(2) + "\n", Files.readString(file));
    }

    @Test
    public void resumeCutsAnUnfinishedLastLine() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        Files.writeString(file, RAW.get(0) + "\n{\"half", StandardCharsets.UTF_8);
        try (NdjsonLogWriter w = NdjsonLogWriter.open(file, 1)) {
            w.onEntry(1, EntryDecoder.decode(RAW.get(1)));
        }
        assertEquals(RAW.get(0) + "\n" + RAW.get(1) + "\n", Files.readString(file));
    }

    @Test
    public void resumeWithZeroEmptiesTheFile() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        Files.writeString(file, RAW.get(0) + "\n");
        NdjsonLogWriter.open(file, 0).close();
        assertEquals(0, Files.size(file));
    }

    @Test
    public void resumeBehindTheCursorIsAClearError() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        Files.writeString(file, RAW.get(0) + "\n" + RAW.get(1));
        try {
            NdjsonLogWriter.open(file, 2).close();
            fail("the file holds one complete line, the cursor says two");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("holds 1 complete"));
        }
        assertEquals("the file is left alone", RAW.get(0) + "\n" + RAW.get(1), Files.readString(file));
        try {
            NdjsonLogWriter.open(tmp.getRoot().toPath().resolve("missing.ndjson"), 5).close();
            fail("a missing file cannot hold 5 entries");
        } catch (IOException expected) {
            assertTrue(expected.getMessage().contains("holds 0 complete"));
        }
    }

    @Test
    public void resumeFindsLinesAcrossBufferBoundaries() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        String longLine = "{\"thought\":\"" + "y".repeat(100_000) + "\"}";
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            content.append(longLine).append('\n');
        }
        Files.writeString(file, content);
        NdjsonLogWriter.open(file, 3).close();
        assertEquals(3L * (longLine.length() + 1), Files.size(file));
    }

    @Test
    public void repeatsAreIgnoredAndGapsRefused() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        try (NdjsonLogWriter w = NdjsonLogWriter.open(file, 0)) {
            LogEntry e = EntryDecoder.decode(RAW.get(0));
            w.onEntry(0, e);
            w.onEntry(0, e);
            try {
                w.onEntry(5, e);
                fail("a gap must not be written over");
            } catch (IllegalStateException expected) {
                // fine
            }
        }
        assertEquals(RAW.get(0) + "\n", Files.readString(file));
    }

    @Test
    public void rawLineBreaksCannotSplitAnEntry() {
        String raw = "{\"a\":\r\n\"x\ny\rz\",\n\"b\":\"esc\\\\\"}";
        String line = NdjsonLogWriter.oneLine(raw);
        assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0);
        assertEquals("{\"a\":  \"x\\ny\\rz\", \"b\":\"esc\\\\\"}", line);
        assertEquals("x\ny\rz", JsonParser.parseString(line).getAsJsonObject().get("a").getAsString());
        assertEquals("plain JSON is returned as is", RAW.get(1), NdjsonLogWriter.oneLine(RAW.get(1)));
    }
}
