package io.codegenagentlogs.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every request a simulator served, in order of arrival. A call is added just before the last byte
 * of its response goes out (or its connection is cut): once a client has read a response, the call is
 * here; {@link #awaitCount} lets a test wait for the server's side instead of sleeping. Thread-safe.
 */
public final class RequestLog {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grew = lock.newCondition();
    private final List<RecordedCall> calls = new ArrayList<>();

    void record(RecordedCall call) {
        lock.lock();
        try {
            // Slow responses finish late: insert by sequence so the list stays in arrival order.
            int at = calls.size();
            while (at > 0 && calls.get(at - 1).sequence() > call.sequence()) {
                at--;
            }
            calls.add(at, call);
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A copy, in order of arrival (by {@link RecordedCall#sequence()}). */
    public List<RecordedCall> all() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    /** Only the GET requests for a logs path, whatever they were answered. */
    public List<RecordedCall> logsCalls() {
        return all().stream().filter(c -> "GET".equals(c.method()) && c.path().endsWith("/logs")).toList();
    }

    public int count() {
        lock.lock();
        try {
            return calls.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code n} requests are recorded; false if the timeout passed first. */
    public boolean awaitCount(int n, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (calls.size() < n) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = grew.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets all recorded requests; sequence numbers and fault counting carry on. */
    public void clear() {
        lock.lock();
        try {
            calls.clear();
        } finally {
            lock.unlock();
        }
    }
}
