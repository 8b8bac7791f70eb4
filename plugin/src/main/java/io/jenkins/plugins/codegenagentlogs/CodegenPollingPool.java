package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.listeners.ItemListener;
import hudson.security.ACL;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.security.ImpersonatingExecutorService;
import jenkins.util.SystemProperties;
import jenkins.util.Timer;
import okhttp3.OkHttpClient;

/**
 * The plugin's own bounded pool for the blocking work of the step: HTTP requests (with their
 * retries and rate-limit waits) and report files. Neither the CPS VM thread nor
 * {@link Timer#get()} ever blocks on it: the Timer only hands a task over after a delay.
 *
 * <p>One pool per Jenkins session. It is stopped at the very beginning of an orderly shutdown,
 * before Pipeline saves its program state, so that nothing is printed to a build log after the
 * execution's cursor was written for the last time. A stopped pool is not replaced while the same
 * Jenkins runs: a step that starts during the shutdown queues nothing, and is picked up by
 * {@code onResume} after the restart.
 */
final class CodegenPollingPool {
    private static final Logger LOGGER = Logger.getLogger(CodegenPollingPool.class.getName());

    /** Threads that may wait on the Codegen API at the same time (system property {@code ...CodegenPollingPool.threads}). */
    static final int THREADS = Math.max(1, SystemProperties.getInteger(CodegenPollingPool.class.getName() + ".threads", 4));

    /** Shared by every watch: one connection pool and dispatcher; each watch derives its proxy-aware client from it. */
    static final OkHttpClient BASE_HTTP_CLIENT = new OkHttpClient();

    private static CodegenPollingPool current;

    /** The Jenkins this pool serves (by identity, not kept alive): a new pool only for a new Jenkins (the next test). */
    private final WeakReference<Jenkins> owner;
    private final ThreadPoolExecutor threads;
    private final ExecutorService executor;
    private volatile boolean stopped;

    private CodegenPollingPool(Jenkins owner) {
        this.owner = new WeakReference<>(owner);
        threads = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamingThreadFactory(new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "Codegen agent logs poller"));
        threads.allowCoreThreadTimeOut(true);
        // Like jenkins.util.Timer: the work is done on behalf of the build, as SYSTEM.
        executor = new ImpersonatingExecutorService(threads, ACL.SYSTEM2);
    }

    /**
     * The pool of the running Jenkins; a new one for a new Jenkins in the same JVM (tests). Once
     * stopped by the shutdown, it stays stopped: a fresh pool here would let a step that starts
     * between {@link ShutdownListener} and the program save poll and print past the saved cursor.
     */
    static synchronized @NonNull CodegenPollingPool get() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        if (current == null || current.owner.get() != jenkins || (jenkins == null && current.stopped)) {
            current = new CodegenPollingPool(jenkins);
        }
        return current;
    }

    /** True once Jenkins began to shut down: output and cursor must not move any more. */
    boolean isStopped() {
        return stopped;
    }

    /** Runs the task on the pool now; does nothing once the pool is stopped (the restart resumes the watch). */
    Future<?> submit(@NonNull Runnable task) {
        try {
            return executor.submit(task);
        } catch (RejectedExecutionException e) {
            LOGGER.log(Level.FINE, "Codegen poller stopped, task dropped (Jenkins is shutting down)", e);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Runs the task on the pool after the delay; the Timer thread only hands it over. */
    ScheduledFuture<?> schedule(@NonNull Runnable task, @NonNull Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        return Timer.get().schedule(() -> {
            submit(task);
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void stop() {
        stopped = true;
        threads.shutdownNow();
    }

    static synchronized void stopCurrent() {
        if (current != null) {
            current.stop();
        }
    }

    /** Stops the pollers when an orderly shutdown begins (before executions are suspended and saved). */
    @Extension
    public static final class ShutdownListener extends ItemListener {
        @Override
        public void onBeforeShutdown() {
            stopCurrent();
        }
    }
}
