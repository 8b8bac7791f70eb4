package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.Test;

public class PageDecoderTest {
    static LogPage decode(String body) throws IOException {
        return decode(body.getBytes(StandardCharsets.UTF_8));
    }

    static LogPage decode(byte[] body) throws IOException {
        return PageDecoder.decode(new ByteArrayInputStream(body), 1, 1);
    }

    static String page(String... entries) {
        return "{\"id\":12345,\"organization_id\":67890,\"status\":\"RUNNING\",\"logs\":[" + String.join(",", entries) + "],\"total_logs\":"
                + entries.length + "}";
    }

    @Test
    public void keepsEachEntryExactlyAsReceived() throws Exception {
        String first = "{ \"agent_run_id\" : 12345,\n  \"message_type\":\"ACTION\", \"thought\":\"caf\\u00e9 \\\"quoted\\\" ]}\",\n"
                + "  \"tool_input\": {\"q\": [1, {\"x\": \"}\"}]}, \"extra_field\": true, \"n\": -2.50e+1 }";
        String second = "{\"agent_run_id\":12345,\"message_type\":\"ERROR\",\"observation\":\"boom \u4e2d\u6587 \uD83D\uDE00\"}";
        String body = "{\"id\":12345,\"organization_id\":67890,\"logs\": [ " + first + " ,\n" + second + "],\"total_logs\":2}";
        LogPage page = decode(body);
        assertEquals(first, page.logs().get(0).rawJson());
        assertEquals(second, page.logs().get(1).rawJson());
        assertEquals("café \"quoted\" ]}", page.logs().get(0).thought());
        assertEquals("boom \u4e2d\u6587 \uD83D\uDE00", page.logs().get(1).observationText());
        assertEquals(JsonParser.parseString("{\"q\": [1, {\"x\": \"}\"}]}"), page.logs().get(0).toolInput());
    }

    @Test
    public void toleratesLooseTypesUnknownFieldsAndNewValues() throws Exception {
        String body = "{\"metadata\":{\"a\":[1,2]},\"id\":7,\"organization_id\":8,\"status\":\"completed\",\"surprise\":[{\"logs\":1}],"
                + "\"logs\":[{\"agent_run_id\":7,\"message_type\":\"TOOL_APPROVAL_REQUEST\",\"observation\":{\"status\":\"ok\"},"
                + "\"created_at\":\"2025-06-21 11:20:04.338398\"},"
                + "{\"agent_run_id\":7,\"message_type\":null,\"observation\":null,\"created_at\":\"2024-01-15T10:30:00Z\"}],"
                + "\"total_logs\":null,\"page\":null}";
        LogPage page = decode(body);
        assertEquals(7, page.run().id());
        assertEquals(RunStatus.Phase.SUCCEEDED, page.run().status().phase());
        assertEquals("completed", page.run().status().raw());
        assertNull(page.totalLogs());
        LogEntry a = page.logs().get(0);
        assertEquals("TOOL_APPROVAL_REQUEST", a.messageType());
        assertEquals("{\"status\":\"ok\"}", a.observationText());
        assertEquals(Instant.parse("2025-06-21T11:20:04.338398Z"), a.createdAt());
        LogEntry b = page.logs().get(1);
        assertEquals("UNKNOWN", b.normalizedType());
        assertNull(b.observation());
        assertEquals(Instant.parse("2024-01-15T10:30:00Z"), b.createdAt());
    }

    @Test
    public void nullOrMissingLogsAreToldApart() throws Exception {
        LogPage nul = decode("{\"id\":1,\"organization_id\":2,\"logs\":null}");
        assertTrue(nul.logsWasNull());
        assertTrue(nul.logs().isEmpty());
        assertTrue(decode("{\"id\":1,\"organization_id\":2}").logsWasNull());
        assertFalse(decode("{\"id\":1,\"organization_id\":2,\"logs\":[]}").logsWasNull());
    }

    @Test
    public void rejectsWhatIsNotAPageSayingWhatAndWhere() {
        String[][] cases = {
            {"", "the body is empty"},
            {"[]", "expected a JSON object but found '['"},
            {"<!DOCTYPE html><html>", "found '<'"},
            {"{\"logs\":[{\"a\":1}", "ends early"},
            {"{\"logs\":[1]}", "entry 1 of the page: expected '{' (a log entry is a JSON object) but found '1'"},
            {"{\"id\":1}}", "expected the end of the page but found '}'"},
            {"{\"logs\":\"x}", "expected '[' (logs is an array) but found '\"'"},
            {"{\"logs\":[{\"a\":1},{\"b\":tru}]}", "entry 2 of the page: expected 'true'"},
            {"{\"logs\":[{\"a\":01}]}", "entry 1 of the page: expected ',' or '}' but found '1'"},
            {"{\"logs\":[{\"a\":\"\\x\"}]}", "entry 1 of the page: expected an escape"},
            {"{\"logs\":[], \"id\": 1,}", "expected a member name but found '}'"},
        };
        for (String[] c : cases) {
            MalformedPageException e = assertThrows(c[0], MalformedPageException.class, () -> decode(c[0]));
            assertTrue(c[0] + " -> " + e.getMessage(), e.getMessage().contains(c[1]));
        }
    }

    @Test
    public void invalidUtf8IsReportedWithTheEntryAndTheByte() {
        byte[] good = page("{\"a\":1}", "{\"thought\":\"xx\"}").getBytes(StandardCharsets.UTF_8);
        String text = new String(good, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("xx");
        good[at] = (byte) 0xC3;
        good[at + 1] = (byte) 0x28;
        MalformedPageException e = assertThrows(MalformedPageException.class, () -> decode(good));
        assertEquals(1, e.entry());
        assertEquals("{\"thought\":\"".length(), e.byteOffset());
        assertEquals("entry 2 of the page: invalid UTF-8 (byte 0xC3) at byte 12 of the entry", e.getMessage());
        // overlong, surrogate and out-of-range encodings are not UTF-8 either
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}}) {
            byte[] body = ("{\"status\":\"" + "_".repeat(bad.length) + "\"}").getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bad, 0, body, 11, bad.length);
            assertTrue(assertThrows(MalformedPageException.class, () -> decode(body)).getMessage().contains("invalid UTF-8"));
        }
    }

    @Test
    public void anyDepthDecodesInBoundedStackKeepingTheRawText() throws Exception {
        int depth = 100_000;
        String deep = "{\"message_type\":\"ACTION\",\"tool_output\":" + "{\"a\":[".repeat(depth) + "]}".repeat(depth) + "}";
        LogEntry e = decode(page(deep)).logs().get(0);
        assertEquals(deep, e.rawJson());
        assertEquals("ACTION", e.normalizedType());
        // the tree accessor does not build a tree that deep: it gives the value's JSON text
        JsonElement out = e.toolOutput();
        assertTrue(out.isJsonPrimitive());
        assertEquals(deep.substring("{\"message_type\":\"ACTION\",\"tool_output\":".length(), deep.length() - 1), out.getAsString());
        assertTrue(e.headline().startsWith("{\"a\":[{\"a\":["));

        String deepButFine = "{\"tool_output\":" + "[".repeat(600) + "]".repeat(600) + "}";
        // 600 levels is valid JSON a gate must read; the tree is given up to 512 levels
        assertEquals(deepButFine, decode(page(deepButFine)).logs().get(0).rawJson());
        String treeable = "{\"tool_output\":" + "[".repeat(LogEntry.MAX_TREE_DEPTH) + "]".repeat(LogEntry.MAX_TREE_DEPTH) + "}";
        assertTrue(decode(page(treeable)).logs().get(0).toolOutput().isJsonArray());
    }

    @Test
    public void anUnclosedDeepValueIsAnErrorNotAStackOverflow() {
        String deep = "{\"logs\":[{\"tool_output\":" + "[".repeat(200_000);
        assertTrue(assertThrows(MalformedPageException.class, () -> decode(deep)).getMessage().contains("ends early"));
    }

    @Test
    public void aPageOverTheCapFailsClearlyWithoutReadingItAll() {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                read[0] += len;
                return len;
            }
        };
        MalformedPageException e = assertThrows(MalformedPageException.class, () -> PageDecoder.decode(endless, 1, 1));
        assertTrue(e.tooLarge());
        assertEquals("the page is larger than 64 MiB, the most a page may be at byte 67108864 of the page", e.getMessage());
        assertTrue(read[0] <= PageDecoder.MAX_PAGE_BYTES + 65536);
    }

    @Test
    public void aFiftyMebibyteFieldIsReadWhole() throws Exception {
        String big = "x".repeat(50 << 20);
        String entry = "{\"message_type\":\"ACTION\",\"tool_output\":{\"text\":\"" + big + "\"}}";
        LogEntry e = decode(page(entry)).logs().get(0);
        assertEquals(entry, e.rawJson());
        assertEquals(big, e.toolOutput().getAsJsonObject().get("text").getAsString());
    }

    @Test
    public void entryDecoderReadsTheSameWay() {
        LogEntry e = EntryDecoder.decode(" {\"message_type\":\"error\",\"observation\":{\"status\":\"failed\",\"x\":\"\u00e9\"},\"tool_name\":5}");
        assertEquals("ERROR", e.normalizedType());
        assertEquals("5", e.toolName());
        assertEquals("failed", e.observation().getAsJsonObject().get("status").getAsString());
        assertEquals("{\"status\":\"failed\",\"x\":\"\u00e9\"}", e.observationText());
        assertThrows(com.google.gson.JsonParseException.class, () -> EntryDecoder.decode("{\"a\":1} x"));
        assertThrows(com.google.gson.JsonParseException.class, () -> EntryDecoder.decode("[]"));
    }
}
