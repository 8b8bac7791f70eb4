package io.codegenagentlogs.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that imitates Codegen's agent-run logs API as a {@link Scenario}
 * describes it. Many may run in one JVM; close each when done.
 */
public final class CodegenSimulator implements AutoCloseable {
    /** Enough workers that a few slow-fault responses do not hold up other requests. */
    private static final int WORKERS = 8;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, the
        // client's delayed ACK adds ~40 ms to every response. Read once, when the JDK server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<Thread> workerThreads = new ConcurrentLinkedQueue<>();
    private final RequestLog requests = new RequestLog();
    /** Synchronized: a creation adds a run while workers look others up. */
    private final Map<Long, SimulatedRun> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final FaultSchedule faults;
    private final Api api;

    private CodegenSimulator(Scenario scenario, int port, Clock clock) throws IOException {
        scenario.runs().forEach(spec -> runs.put(spec.id(), new SimulatedRun(spec)));
        faults = new FaultSchedule(scenario.faults());
        api = new Api(scenario, runs, faults, clock);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        server.createContext("/", new ApiHandler(api, scenario.tokens(), requests));
        String prefix = "codegen-simulator-" + INSTANCES.incrementAndGet() + "-worker-";
        AtomicInteger workers = new AtomicInteger();
        // Named, so a test can tell that close() left none of them running; kept, so that close() can join them.
        executor = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread worker = new Thread(task, prefix + workers.incrementAndGet());
            workerThreads.add(worker);
            return worker;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free port. */
    public static CodegenSimulator start(Scenario scenario) throws IOException {
        return start(scenario, 0);
    }

    /** Starts on {@code port}; 0 picks a free one. */
    public static CodegenSimulator start(Scenario scenario, int port) throws IOException {
        return start(scenario, port, Clock.systemUTC());
    }

    /** Starts with {@code clock} driving after_ms stages, the rate limit and Retry-After dates (tests pass a fake). */
    public static CodegenSimulator start(Scenario scenario, int port, Clock clock) throws IOException {
        return new CodegenSimulator(scenario, port, clock);
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public RequestLog requests() {
        return requests;
    }

    /** The live state of a scenario run, to steer it from a test. */
    public SimulatedRun run(long runId) {
        SimulatedRun run = runs.get(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run " + runId + " in this scenario; runs: " + runs.keySet());
        }
        return run;
    }

    /** The runs created so far through {@code POST /v1/organizations/{org_id}/agent/run}, oldest first. */
    public List<CreatedRun> createdRuns() {
        return api.creation().created();
    }

    /** Refuses every creation from now on with {@code status} (402: no credits left, say); 0 accepts them again. */
    public void refuseCreations(int status) {
        api.creation().refuseWith(status);
    }

    /** Queues a fault for the next eligible logs request that has no scenario fault; each applies once. */
    public void inject(Fault fault) {
        faults.inject(fault);
    }

    /**
     * Starts an outage now (by the simulator's clock): for its length every request to an existing
     * route fails as the outage says, then the API answers normally again. A new outage replaces the
     * one under way.
     */
    public void startOutage(Outage outage) {
        api.startOutage(outage);
    }

    /**
     * Stops at once: open connections are closed and slow responses are abandoned. When it returns,
     * the simulator's threads have ended (or 5 s have passed).
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            // A terminated pool's last workers may still be returning from run(): wait for them too.
            for (Thread worker : workerThreads) {
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMillis > 0) {
                    worker.join(leftMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
