package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class FaultTest {
    private static final String LOGS = logsPath(10, 7);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private CodegenSimulator sim;

    @Before
    public void start() throws Exception {
        sim = CodegenSimulator.start(TestScenarios.basic());
    }

    @After
    public void stop() {
        sim.close();
    }

    private RecordedCall lastCall(int expectedCount) throws InterruptedException {
        assertTrue(sim.requests().awaitCount(expectedCount, WAIT));
        List<RecordedCall> calls = sim.requests().all();
        return calls.get(calls.size() - 1);
    }

    private HttpURLConnection open(String pathAndQuery, int readTimeoutMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(sim.baseUrl() + pathAndQuery).openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + TestHttp.TOKEN);
        connection.setReadTimeout(readTimeoutMillis);
        return connection;
    }

    @Test
    public void statusFaultAnswersAnErrorBodyOnce() throws Exception {
        sim.inject(Fault.status(503));
        HttpResponse<String> response = get(sim, LOGS);
        assertEquals(503, response.statusCode());
        assertEquals("{\"message\":\"Service Unavailable\",\"status_code\":503}", response.body());
        assertEquals("status", lastCall(1).fault());
        assertEquals(503, lastCall(1).status());
        assertEquals(200, get(sim, LOGS).statusCode());
        assertEquals(null, lastCall(2).fault());
    }

    @Test
    public void rateLimitedFaultSendsRetryAfterExactlyAsGiven() throws Exception {
        String date = "Wed, 21 Oct 2015 07:28:00 GMT";
        sim.inject(Fault.rateLimited("2"));
        sim.inject(Fault.rateLimited(date));
        sim.inject(Fault.rateLimited(null));
        HttpResponse<String> seconds = get(sim, LOGS);
        assertEquals(429, seconds.statusCode());
        assertEquals("{\"message\":\"Rate limit exceeded. Please try again later.\",\"status_code\":429}", seconds.body());
        assertEquals("2", seconds.headers().firstValue("Retry-After").orElse(null));
        assertEquals(date, get(sim, LOGS).headers().firstValue("Retry-After").orElse(null));
        HttpResponse<String> none = get(sim, LOGS);
        assertEquals(429, none.statusCode());
        assertFalse(none.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    public void dropClosesTheConnectionWithoutAResponse() throws Exception {
        sim.inject(Fault.drop());
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + LOGS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TestHttp.TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int firstByte;
            try {
                firstByte = socket.getInputStream().read();
            } catch (SocketException reset) {
                firstByte = -1;
            }
            assertEquals("end of stream before any response byte", -1, firstByte);
        }
        RecordedCall dropped = lastCall(1);
        assertEquals("drop", dropped.fault());
        assertEquals(0, dropped.status());
        assertEquals(200, get(sim, LOGS).statusCode());
    }

    @Test
    public void jdkClientsRetryOneDroppedGetSoTwoDropsFailThem() throws Exception {
        sim.inject(Fault.drop());
        assertEquals(200, get(sim, LOGS).statusCode());
        assertTrue(sim.requests().awaitCount(2, WAIT));
        assertEquals(Arrays.asList("drop", null), sim.requests().all().stream().map(RecordedCall::fault).toList());

        sim.inject(Fault.drop());
        sim.inject(Fault.drop());
        assertThrows(IOException.class, () -> get(sim, LOGS));
        sim.inject(Fault.drop());
        sim.inject(Fault.drop());
        assertThrows(IOException.class, () -> open(LOGS, 5000).getResponseCode());
    }

    @Test
    public void slowDelaysTheBodyMeasurably() throws Exception {
        sim.inject(Fault.slow(Duration.ofMillis(700)));
        long start = System.nanoTime();
        HttpResponse<String> response = get(sim, LOGS);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.statusCode());
        assertEquals(250, json(response).get("total_logs").getAsInt());
        assertTrue("took " + elapsedMillis + " ms", elapsedMillis >= 700);
        RecordedCall call = lastCall(1);
        assertEquals("slow", call.fault());
        assertTrue(call.endNanos() - call.startNanos() >= 700_000_000L);
    }

    @Test
    public void slowTriggersAClientReadTimeoutAndCloseDoesNotWaitForIt() throws Exception {
        sim.inject(Fault.slow(Duration.ofSeconds(30)));
        HttpURLConnection connection = open(LOGS, 300);
        assertEquals("status and headers come at once", 200, connection.getResponseCode());
        try (InputStream body = connection.getInputStream()) {
            assertThrows(SocketTimeoutException.class, body::readAllBytes);
        }
        long start = System.nanoTime();
        sim.close();
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    public void truncatedSendsFewerBytesThanContentLength() throws Exception {
        sim.inject(Fault.truncated());
        HttpURLConnection connection = open(LOGS, 5000);
        assertEquals(200, connection.getResponseCode());
        long announced = connection.getContentLengthLong();
        byte[] received;
        try (InputStream body = connection.getInputStream()) {
            received = body.readAllBytes();
        } catch (IOException e) {
            received = new byte[0]; // some runtimes report the early close as an error instead
        }
        assertTrue(received.length + " of " + announced, received.length < announced);
        assertEquals("truncated", lastCall(1).fault());

        sim.inject(Fault.truncated());
        assertThrows(IOException.class, () -> get(sim, LOGS));
    }

    @Test
    public void shrinkTotalReportsFewerLogsForOneResponse() throws Exception {
        sim.inject(Fault.shrinkTotal(3));
        JsonObject shrunk = json(get(sim, LOGS));
        assertEquals(3, shrunk.get("total_logs").getAsInt());
        assertEquals(3, shrunk.getAsJsonArray("logs").size());
        assertEquals(1, shrunk.get("pages").getAsInt());
        assertEquals(250, json(get(sim, LOGS)).get("total_logs").getAsInt());
    }

    @Test
    public void emptyPageAnswersNoEntriesDespiteTheTotal() throws Exception {
        sim.inject(Fault.emptyPage());
        JsonObject body = json(get(sim, LOGS + "?skip=10"));
        assertEquals(0, body.getAsJsonArray("logs").size());
        assertEquals(250, body.get("total_logs").getAsInt());
    }

    @Test
    public void repeatEntriesStartsThePageEarlier() throws Exception {
        JsonObject expected = json(get(sim, LOGS + "?skip=95&limit=10"));
        sim.inject(Fault.repeatEntries(5));
        JsonObject repeated = json(get(sim, LOGS + "?skip=100&limit=10"));
        assertEquals(expected.getAsJsonArray("logs"), repeated.getAsJsonArray("logs"));
        assertEquals(11, repeated.get("page").getAsInt());
    }

    @Test
    public void nullLogsAnswersNull() throws Exception {
        sim.inject(Fault.nullLogs());
        String body = get(sim, LOGS).body();
        assertTrue(body, body.contains("\"logs\":null,\"total_logs\":250"));
    }

    @Test
    public void injectedFaultsApplyInOrderToValidLogsRequestsOnly() throws Exception {
        sim.inject(Fault.status(500));
        sim.inject(Fault.status(502));
        assertEquals(401, get(sim, LOGS, null).statusCode());
        assertEquals(401, get(sim, LOGS, "Bearer wrong").statusCode());
        assertEquals(403, get(sim, logsPath(12, 7)).statusCode());
        assertEquals(404, get(sim, logsPath(10, 999)).statusCode());
        assertEquals(422, get(sim, LOGS + "?limit=0").statusCode());
        assertEquals(200, get(sim, "/v1/organizations/10/agent/run/7").statusCode());
        assertEquals(500, get(sim, LOGS).statusCode());
        assertEquals(502, get(sim, LOGS).statusCode());
        assertEquals(200, get(sim, LOGS).statusCode());
    }

    @Test
    public void scenarioFaultsHitNumberedLogsRequestsAndInjectedOnesFillTheGaps() throws Exception {
        Scenario scenario = TestScenarios.basicWith("""
                "faults": [{"on_request": 2, "type": "status", "status": 503},
                           {"on_request": 3, "type": "shrink_total", "total_logs": 1}],
                """);
        try (CodegenSimulator faulty = CodegenSimulator.start(scenario)) {
            faulty.inject(Fault.emptyPage());
            assertEquals(401, get(faulty, LOGS, null).statusCode());
            JsonObject first = json(get(faulty, LOGS));
            assertEquals("injected fault takes request 1", 0, first.getAsJsonArray("logs").size());
            assertEquals(503, get(faulty, LOGS).statusCode());
            assertEquals(1, json(get(faulty, LOGS)).get("total_logs").getAsInt());
            assertEquals(100, json(get(faulty, LOGS)).getAsJsonArray("logs").size());
        }
    }

    @Test
    public void factoriesRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
        assertThrows(IllegalArgumentException.class, () -> Fault.repeatEntries(0));
        assertThrows(IllegalArgumentException.class, () -> Fault.shrinkTotal(-1));
        assertThrows(IllegalArgumentException.class, () -> Fault.slow(Duration.ofMillis(-1)));
        assertEquals(Fault.status(503), Fault.status(503));
        assertEquals("slow(250ms)", Fault.slow(Duration.ofMillis(250)).toString());
    }
}
