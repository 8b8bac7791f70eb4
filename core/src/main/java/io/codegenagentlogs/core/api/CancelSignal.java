package io.codegenagentlogs.core.api;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;

/**
 * Stops a watch promptly from another thread: it aborts the HTTP call in flight and wakes any
 * wait (retry backoff, rate limit, poll interval). Interrupts work too, but a Jenkins step's
 * {@code stop()} runs on another thread than the poll, and must not interrupt a shared pool thread.
 */
public final class CancelSignal {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicReference<Call> inFlight = new AtomicReference<>();

    public void cancel() {
        cancelled.countDown();
        Call call = inFlight.get();
        if (call != null) {
            call.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Waits for {@code nanos} unless cancelled first.
     *
     * @return false when cancelled
     */
    public boolean sleep(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return !isCancelled();
        }
        return !cancelled.await(nanos, TimeUnit.NANOSECONDS);
    }

    void attach(Call call) {
        inFlight.set(call);
        if (isCancelled()) {
            call.cancel();
        }
    }

    void detach() {
        inFlight.set(null);
    }
}
