package io.codegenagentlogs.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StepFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void outputsAppendAndMultiLineValuesGetAFreshDelimiter() throws Exception {
        Path file = tmp.newFile().toPath();
        Files.writeString(file, "earlier=1\n");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("verdict", "FAILED");
        outputs.put("reasons", "one\r\ntwo\nverdict=PASSED\nghadelimiter_x");
        outputs.put("empty", "");
        StepFiles.appendOutputs(file, outputs);
        String text = Files.readString(file);
        assertTrue(text, text.matches("earlier=1\nverdict=FAILED\nreasons<<(ghadelimiter_[0-9a-f]{32})\n"
                + "one\ntwo\nverdict=PASSED\nghadelimiter_x\n\\1\nempty=\n"));
        Map<String, String> read = RunnerModel.outputs(file);
        assertEquals("FAILED", read.get("verdict"));
        assertEquals("one\ntwo\nverdict=PASSED\nghadelimiter_x", read.get("reasons"));
    }

    @Test
    public void aSummaryThatFitsIsAppendedWhole() throws Exception {
        Path file = tmp.newFile().toPath();
        assertFalse(StepFiles.appendSummary(file, "## a\n\nb\n", "cut", 9));
        assertEquals("## a\n\nb\n", Files.readString(file));
    }

    @Test
    public void aCutSummaryEndsAtALineClosesItsCodeBlockAndSaysSo() throws Exception {
        Path file = tmp.newFile().toPath();
        String md = "## Run\n\n````text\nline one ```\nline two\nline three\n````\n\nafter\n";
        assertTrue(StepFiles.appendSummary(file, md, "Cut.", 50));
        String text = Files.readString(file);
        assertEquals("## Run\n\n````text\nline one ```\n````\n\n> Cut.\n", text);
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= 50);
    }

    @Test
    public void noRoomLeavesTheFileAlone() throws Exception {
        Path file = tmp.newFile().toPath();
        assertTrue(StepFiles.appendSummary(file, "x".repeat(100), "a note that does not fit", 10));
        assertEquals("", Files.readString(file));
    }

    @Test
    public void prefixesNeverSplitACharacter() {
        assertEquals("a", StepFiles.prefixWithin("a\u00e9", 2));
        assertEquals("a\u00e9", StepFiles.prefixWithin("a\u00e9\uD83D\uDE00", 6));
        assertEquals("a\u00e9\uD83D\uDE00", StepFiles.prefixWithin("a\u00e9\uD83D\uDE00", 7));
    }

    @Test
    public void fencesFollowCommonMark() {
        assertNull(StepFiles.openFence("```\ncode\n```\n"));
        assertEquals("````", StepFiles.openFence("````text\n```\n"));
        assertNull(StepFiles.openFence("````text\n```\n`````\n"));
    }
}
