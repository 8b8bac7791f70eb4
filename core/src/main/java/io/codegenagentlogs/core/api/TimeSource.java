package io.codegenagentlogs.core.api;

/**
 * Time as the engine sees it. Tests of backoff and rate limiting substitute a fake so that they
 * assert on computed waits instead of sleeping.
 */
public interface TimeSource {
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }
    };

    /** Monotonic time, for intervals. */
    long nanoTime();

    /** Wall clock, for deadlines that must survive a restart. */
    long currentTimeMillis();

    /** Waits, responding to interrupts. */
    void sleep(long nanos) throws InterruptedException;
}
