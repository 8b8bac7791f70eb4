package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.RateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Runs many watches on a few threads (at most {@link #MAX_THREADS}), and never sleeps one: a watch
 * that must wait (poll interval, backoff, {@code Retry-After}, a rate-limit slot) is put back on a
 * timer for when it may go, and a thread only ever runs a step, whose one HTTP request is all that
 * blocks (bounded by its timeouts). One thread is kept free of steps for the timers.
 *
 * <p>Watches are grouped by the {@link RateLimiter} their requests take slots of (one per token): a
 * lane. Within a lane, a watch with pages waiting (or a retry, or its first request) goes before a
 * watch that only polls a run it has caught up with, and otherwise first come, first served. A lane
 * lets only a few watches hold a reserved slot or run at once ({@link #laneCapacity}), so that the
 * order of the limiter's FIFO reservations follows these priorities instead of whoever asked first.
 * And the poll interval stretches under contention: a watch that only polls comes back no sooner than
 * the limiter could serve every polling watch of its lane once, plus a twentieth, so that polling
 * watchers take turns instead of piling up, and idle polls alone use at most about 95 % of the limit
 * (pages, which go first, take the rest and whatever the polls leave).
 *
 * <p>Surfaces (the CLI, the Jenkins step) submit {@link Job}s: one step of a watch at a time, never
 * two of the same job at once.
 */
public final class WatchScheduler implements AutoCloseable {
    /** The most threads a scheduler uses, whatever the number of watches. */
    public static final int MAX_THREADS = 8;

    private static WatchScheduler shared;

    /** One watch as the scheduler sees it. */
    public interface Job {
        /** One step: at most one request, never a wait ({@link RunWatcher#poll()}, {@code GateSession.poll()}). */
        PollResult step() throws Exception;

        /**
         * The limiter whose slots this job's requests take: its lane. May be null until the job knows
         * (a Jenkins step learns its token in its first step); asked again after every step.
         */
        RateLimiter rateLimiter();
    }

    /** Hears how a job ended, on a scheduler thread. */
    public interface Completion {
        void done(PollResult result);

        void failed(Throwable error);
    }

    private enum State { READY, RUNNING, WAITING, HOLDING, DUE, DONE }

    /** Priority classes within a lane, lower first. */
    private static final int URGENT = 0;
    private static final int PAGES = 1;
    private static final int POLL = 2;

    private final ScheduledThreadPoolExecutor pool;
    private final UnaryOperator<Runnable> decorate;
    private final int maxSteps;
    private final int laneCapacity;
    private final Map<RateLimiter, Lane> lanes = new IdentityHashMap<>();
    /** Jobs whose reserved slot has come: they go first, and take no lane capacity (they hold it already). */
    private final ArrayDeque<Task> due = new ArrayDeque<>();
    private final AtomicInteger threadsStarted = new AtomicInteger();
    private int running;
    private int mostRunning;
    private long sequence;
    private boolean closed;

    private WatchScheduler(int threads, ThreadFactory factory, UnaryOperator<Runnable> decorate) {
        if (threads < 2 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("a scheduler uses 2.." + MAX_THREADS + " threads, got " + threads);
        }
        ThreadFactory counting = r -> {
            threadsStarted.incrementAndGet();
            return factory.newThread(r);
        };
        this.pool = new ScheduledThreadPoolExecutor(threads, counting);
        this.pool.setRemoveOnCancelPolicy(true);
        this.decorate = decorate;
        this.maxSteps = threads - 1;
        this.laneCapacity = maxSteps;
    }

    /**
     * @param threads 2..{@value #MAX_THREADS}: one for timers, the rest for steps
     * @param factory makes the threads (names, daemon, class loader)
     * @param decorate wraps every task run on those threads (Jenkins runs them as SYSTEM), or the identity
     */
    public static WatchScheduler create(int threads, ThreadFactory factory, UnaryOperator<Runnable> decorate) {
        return new WatchScheduler(threads, factory, decorate);
    }

    /** A scheduler with daemon threads named {@code prefix-N}. */
    public static WatchScheduler create(int threads, String prefix) {
        AtomicInteger n = new AtomicInteger();
        return create(threads, r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, UnaryOperator.identity());
    }

    /** The process-wide scheduler of surfaces that have none of their own (the CLI): daemon threads, created on first use. */
    public static synchronized WatchScheduler shared() {
        if (shared == null || shared.closed) {
            shared = create(MAX_THREADS, "codegen-agent-logs-watch");
        }
        return shared;
    }

    /** A handle on a submitted job. */
    public final class Handle {
        private final Task task;

        private Handle(Task task) {
            this.task = task;
        }

        /**
         * Runs the job's next step now, ahead of every other job and without waiting for its lane:
         * for a job that was just cancelled, whose next step ends it without a request.
         */
        public void wake() {
            WatchScheduler.this.wake(task);
        }

        public boolean isDone() {
            synchronized (WatchScheduler.this) {
                return task.state == State.DONE;
            }
        }
    }

    /** Starts a job: its first step runs as soon as a thread and its lane allow. */
    public Handle submit(Job job, Completion completion) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(completion, "completion");
        Task t;
        synchronized (this) {
            if (closed) {
                throw new RejectedExecutionException("the scheduler is closed");
            }
            t = new Task(job, completion, lane(job.rateLimiter()));
            t.lane.jobs++;
            ready(t, PAGES);
        }
        dispatch();
        return new Handle(t);
    }

    /** How many threads were ever started: never more than the scheduler's size. */
    public int threadsStarted() {
        return threadsStarted.get();
    }

    /** The most steps that ever ran at the same time. */
    public synchronized int mostStepsAtOnce() {
        return mostRunning;
    }

    /** Stops at once: no step starts any more, pending timers are dropped, running steps are interrupted. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        pool.shutdownNow();
    }

    public boolean isClosed() {
        synchronized (this) {
            return closed;
        }
    }

    // ---- the machinery ----------------------------------------------------------------------

    private Lane lane(RateLimiter limiter) {
        return lanes.computeIfAbsent(limiter, Lane::new);
    }

    /** Moves a running job to the lane of the limiter it now names (it is counted active, and perhaps a poller). */
    private void relane(Task t) {
        RateLimiter now = t.job.rateLimiter();
        if (now == t.lane.limiter) {
            return;
        }
        Lane old = t.lane;
        old.active--;
        old.jobs--;
        if (t.polling) {
            old.pollers--;
        }
        if (old.jobs == 0) {
            lanes.remove(old.limiter);
        }
        t.lane = lane(now);
        t.lane.active++;
        t.lane.jobs++;
        if (t.polling) {
            t.lane.pollers++;
        }
    }

    private void ready(Task t, int cls) {
        t.state = State.READY;
        t.cls = cls;
        t.order = sequence++;
        t.lane.ready.add(t);
    }

    private void dispatch() {
        while (true) {
            Task t;
            synchronized (this) {
                if (closed || running >= maxSteps) {
                    return;
                }
                t = due.poll();
                if (t == null) {
                    t = bestReady();
                    if (t == null) {
                        return;
                    }
                    t.lane.ready.remove(t);
                    t.lane.active++;
                }
                t.state = State.RUNNING;
                running++;
                mostRunning = Math.max(mostRunning, running);
            }
            Task task = t;
            try {
                pool.execute(decorate.apply(() -> runStep(task)));
            } catch (RejectedExecutionException shutDown) {
                return;
            }
        }
    }

    /** The best ready job of any lane that has room: urgent first, then pages, then polls; first come first within a class. */
    private Task bestReady() {
        Task best = null;
        for (Lane lane : lanes.values()) {
            Task head = lane.ready.peek();
            if (head == null || (lane.active >= laneCapacity && head.cls != URGENT)) {
                continue;
            }
            if (best == null || BY_PRIORITY.compare(head, best) < 0) {
                best = head;
            }
        }
        return best;
    }

    private static final Comparator<Task> BY_PRIORITY = Comparator.<Task>comparingInt(t -> t.cls).thenComparingLong(t -> t.order);

    private void runStep(Task t) {
        PollResult result = null;
        Throwable error = null;
        try {
            result = t.job.step();
        } catch (Throwable e) {
            error = e;
        }
        boolean finished;
        synchronized (this) {
            running--;
            finished = error != null || result.isDone();
            if (finished) {
                t.state = State.DONE;
                t.lane.active--;
                t.lane.jobs--;
                countPoller(t, false);
                if (t.lane.jobs == 0) {
                    lanes.remove(t.lane.limiter);
                }
            } else {
                relane(t);
                after(t, result);
            }
        }
        if (finished) {
            if (error != null) {
                t.completion.failed(error);
            } else {
                t.completion.done(result);
            }
        }
        dispatch();
    }

    /** Puts a job that goes on back where it belongs: holding its slot, waiting, or ready. */
    private void after(Task t, PollResult r) {
        PollResult.Wait why = r.waitReason();
        if (why == PollResult.Wait.RATE_LIMIT) {
            // it holds a reserved slot: it stays counted in its lane until it uses it
            t.state = State.HOLDING;
            if (t.woken) {
                t.woken = false;
                t.state = State.DUE;
                due.add(t);
                return;
            }
            t.timer = schedule(t, r.nextDelay());
            return;
        }
        t.lane.active--;
        countPoller(t, why == PollResult.Wait.POLL);
        int cls = why == PollResult.Wait.POLL ? POLL : PAGES;
        if (t.woken) {
            t.woken = false;
            ready(t, URGENT);
            return;
        }
        long delay = r.nextDelay().toNanos();
        if (why == PollResult.Wait.POLL) {
            delay = Math.max(delay, stretchedPollNanos(t.lane));
        }
        if (delay <= 0) {
            ready(t, cls);
            return;
        }
        t.state = State.WAITING;
        t.cls = cls;
        t.timer = schedule(t, Duration.ofNanos(delay));
    }

    /** Enough time for the limiter to serve every polling job of the lane once, and a twentieth more. */
    private static long stretchedPollNanos(Lane lane) {
        if (lane.limiter == null) {
            return 0;
        }
        long spacing = lane.limiter.slotSpacingNanos();
        long pollers = lane.pollers;
        return pollers > 0 && spacing < Long.MAX_VALUE / (2 * pollers) ? spacing * pollers * 21 / 20 : 0;
    }

    private void countPoller(Task t, boolean polling) {
        if (polling != t.polling) {
            t.polling = polling;
            t.lane.pollers += polling ? 1 : -1;
        }
    }

    private ScheduledFuture<?> schedule(Task t, Duration delay) {
        try {
            return pool.schedule(decorate.apply(() -> fire(t)), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            return null;
        }
    }

    private void fire(Task t) {
        synchronized (this) {
            if (t.state == State.HOLDING) {
                t.state = State.DUE;
                due.add(t);
            } else if (t.state == State.WAITING) {
                ready(t, t.cls);
            } else {
                return;
            }
        }
        dispatch();
    }

    private void wake(Task t) {
        synchronized (this) {
            switch (t.state) {
                case RUNNING -> t.woken = true;
                case HOLDING -> {
                    cancelTimer(t);
                    t.state = State.DUE;
                    due.add(t);
                }
                case WAITING -> {
                    cancelTimer(t);
                    ready(t, URGENT);
                }
                case READY -> {
                    t.lane.ready.remove(t);
                    ready(t, URGENT);
                }
                default -> {
                    return;
                }
            }
        }
        dispatch();
    }

    private static void cancelTimer(Task t) {
        if (t.timer != null) {
            t.timer.cancel(false);
            t.timer = null;
        }
    }

    /** The watches of one rate limiter. */
    private static final class Lane {
        final RateLimiter limiter;
        final PriorityQueue<Task> ready = new PriorityQueue<>(BY_PRIORITY);
        /** Jobs running a step or holding a reserved slot. */
        int active;
        /** Jobs whose last step was a poll of a caught-up run. */
        int pollers;
        int jobs;

        Lane(RateLimiter limiter) {
            this.limiter = limiter;
        }
    }

    private static final class Task {
        final Job job;
        final Completion completion;
        Lane lane;
        State state;
        int cls;
        long order;
        boolean polling;
        boolean woken;
        ScheduledFuture<?> timer;

        Task(Job job, Completion completion, Lane lane) {
            this.job = job;
            this.completion = completion;
            this.lane = lane;
        }
    }
}
