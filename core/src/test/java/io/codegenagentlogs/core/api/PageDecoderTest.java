package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonParseException;
import java.time.Instant;
import org.junit.Test;

public class PageDecoderTest {

    @Test
    public void keepsEachEntryExactlyAsReceived() {
        String first = "{ \"agent_run_id\" : 12345,\n  \"message_type\":\"ACTION\", \"thought\":\"caf\\u00e9 \\\"quoted\\\" ]}\",\n"
                + "  \"tool_input\": {\"q\": [1, {\"x\": \"}\"}]}, \"extra_field\": true }";
        String second = "{\"agent_run_id\":12345,\"message_type\":\"ERROR\",\"observation\":\"boom\"}";
        String body = "{\"id\":12345,\"organization_id\":67890,\"logs\": [ " + first + " ,\n" + second + "],\"total_logs\":2}";
        LogPage page = PageDecoder.decode(body, 1, 1);
        assertEquals(first, page.logs().get(0).rawJson());
        assertEquals(second, page.logs().get(1).rawJson());
        assertEquals("café \"quoted\" ]}", page.logs().get(0).thought());
        assertEquals("boom", page.logs().get(1).observationText());
    }

    @Test
    public void toleratesLooseTypesUnknownFieldsAndNewValues() {
        String body = "{\"metadata\":{\"a\":[1,2]},\"id\":7,\"organization_id\":8,\"status\":\"completed\",\"surprise\":[{\"logs\":1}],"
                + "\"logs\":[{\"agent_run_id\":7,\"message_type\":\"TOOL_APPROVAL_REQUEST\",\"observation\":{\"status\":\"ok\"},"
                + "\"created_at\":\"2025-06-21 11:20:04.338398\"},"
                + "{\"agent_run_id\":7,\"message_type\":null,\"observation\":null,\"created_at\":\"2024-01-15T10:30:00Z\"}],"
                + "\"total_logs\":null,\"page\":null}";
        LogPage page = PageDecoder.decode(body, 1, 1);
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
    public void nullOrMissingLogsAreToldApart() {
        LogPage nul = PageDecoder.decode("{\"id\":1,\"organization_id\":2,\"logs\":null}", 1, 1);
        assertTrue(nul.logsWasNull());
        assertTrue(nul.logs().isEmpty());
        LogPage empty = PageDecoder.decode("{\"id\":1,\"organization_id\":2,\"logs\":[]}", 1, 1);
        assertEquals(false, empty.logsWasNull());
    }

    @Test
    public void rejectsWhatIsNotAPage() {
        for (String bad : new String[] {"", "[]", "<html>", "{\"logs\":[{\"a\":1}", "{\"logs\":[1]}", "{\"id\":1}}", "{\"logs\":\"x}"}) {
            assertThrows(bad, JsonParseException.class, () -> PageDecoder.decode(bad, 1, 1));
        }
    }
}
