package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.listeners.ItemListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.codegenagentlogs.core.session.GateSession;
import io.codegenagentlogs.core.watch.WatchScheduler;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.SystemProperties;
import okhttp3.OkHttpClient;

/**
 * The step's threads: a thin Jenkins wrapper around the core's {@link WatchScheduler}, which runs
 * every watch of the controller on a few threads and never sleeps one (waits are timers; a watch
 * with pages waiting goes before one that only polls; poll intervals stretch when many watches share
 * a token). Neither the CPS VM thread nor {@code jenkins.util.Timer} ever waits on Codegen. Steps run
 * as SYSTEM, as Jenkins' own timers do.
 *
 * <p>One scheduler per Jenkins session. It is closed at the very beginning of an orderly shutdown,
 * before Pipeline saves its program state, so that nothing is printed to a build log after the
 * execution's cursor was written for the last time. A closed one is not replaced while the same
 * Jenkins runs: a step that starts during the shutdown runs nothing, and is picked up by
 * {@code onResume} after the restart.
 */
final class CodegenPollingPool {
    private static final Logger LOGGER = Logger.getLogger(CodegenPollingPool.class.getName());

    /**
     * Threads of the scheduler, 2..8 (system property {@code ...CodegenPollingPool.threads}, default 4):
     * one for its timers, the others for requests in flight, whatever the number of watches.
     */
    static final int THREADS = Math.max(2, Math.min(WatchScheduler.MAX_THREADS,
            SystemProperties.getInteger(CodegenPollingPool.class.getName() + ".threads", 4)));

    /** Shared by every watch: one connection pool and dispatcher; each watch derives its proxy-aware client from it. */
    static final OkHttpClient BASE_HTTP_CLIENT = new OkHttpClient();

    private static CodegenPollingPool current;

    /** The Jenkins this pool serves (by identity, not kept alive): a new pool only for a new Jenkins (the next test). */
    private final WeakReference<Jenkins> owner;
    private final WatchScheduler scheduler;
    /** Sessions open on this pool: a shutdown closes them, so that their report directories are unlocked. */
    private final Set<GateSession> open = ConcurrentHashMap.newKeySet();

    private CodegenPollingPool(Jenkins owner) {
        this.owner = new WeakReference<>(owner);
        this.scheduler = WatchScheduler.create(THREADS,
                new NamingThreadFactory(new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "Codegen agent logs poller"),
                task -> () -> {
                    try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                        task.run();
                    }
                });
    }

    /**
     * The pool of the running Jenkins; a new one for a new Jenkins in the same JVM (tests). Once
     * stopped by the shutdown, it stays stopped: a fresh pool here would let a step that starts
     * between {@link ShutdownListener} and the program save poll and print past the saved cursor.
     */
    static synchronized @NonNull CodegenPollingPool get() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        if (current == null || current.owner.get() != jenkins || (jenkins == null && current.isStopped())) {
            current = new CodegenPollingPool(jenkins);
        }
        return current;
    }

    /** True once Jenkins began to shut down: output and cursor must not move any more. */
    boolean isStopped() {
        return scheduler.isClosed();
    }

    /**
     * Starts a watch on the scheduler; returns null once the pool is stopped (the restart resumes the
     * watch from its saved cursor).
     */
    WatchScheduler.Handle submit(@NonNull WatchScheduler.Job job, @NonNull WatchScheduler.Completion completion) {
        try {
            return scheduler.submit(job, completion);
        } catch (RejectedExecutionException e) {
            LOGGER.log(Level.FINE, "Codegen poller stopped, watch not started (Jenkins is shutting down)", e);
            return null;
        }
    }

    /** Threads started so far: never more than {@link #THREADS}, whatever the number of watches. */
    int threadsStarted() {
        return scheduler.threadsStarted();
    }

    void opened(@NonNull GateSession session) {
        open.add(session);
    }

    void closed(@NonNull GateSession session) {
        open.remove(session);
    }

    /**
     * No step starts any more; then every open session is closed: what it wrote is on disk, and its
     * report directory is unlocked for the watch that resumes it (in a new JVM, or in this one when a
     * test restarts Jenkins). A step still running past this point can only write lines after the
     * saved cursor, which the resume cuts off.
     */
    private void stop() {
        scheduler.close();
        for (GateSession session : open) {
            try {
                session.close();
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.FINE, "closing a Codegen session at shutdown", e);
            }
        }
        open.clear();
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
