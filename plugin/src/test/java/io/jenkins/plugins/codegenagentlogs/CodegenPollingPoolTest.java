package io.jenkins.plugins.codegenagentlogs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.watch.PollResult;
import io.codegenagentlogs.core.watch.WatchScheduler;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The pool's life cycle within one Jenkins, and the bounded stream behind the downloads. */
public class CodegenPollingPoolTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void aStoppedPoolIsNotReplacedWhileTheSameJenkinsRuns() throws Exception {
        CodegenPollingPool pool = CodegenPollingPool.get();
        assertSame(pool, CodegenPollingPool.get());
        assertFalse(pool.isStopped());

        // what ItemListener.onBeforeShutdown does: from then on nothing runs until the restart
        CodegenPollingPool.stopCurrent();
        assertSame("a step starting during the shutdown must not get a fresh pool", pool, CodegenPollingPool.get());
        assertTrue(pool.isStopped());
        AtomicBoolean ran = new AtomicBoolean();
        WatchScheduler.Job job = new WatchScheduler.Job() {
            @Override
            public PollResult step() {
                ran.set(true);
                return PollResult.done(null);
            }

            @Override
            public RateLimiter rateLimiter() {
                return null;
            }
        };
        assertNull("no RejectedExecutionException, no watch", pool.submit(job, new WatchScheduler.Completion() {
            @Override
            public void done(PollResult result) {
            }

            @Override
            public void failed(Throwable error) {
            }
        }));
        assertFalse(ran.get());
        assertTrue(pool.threadsStarted() <= CodegenPollingPool.THREADS);
    }

    @Test
    public void prefixServesOnlyTheBytesCountedAtFirst() throws Exception {
        byte[] grown = "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n".getBytes(StandardCharsets.UTF_8);
        int counted = 16; // the first two lines, when the size was taken
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new CodegenRunAction.Prefix(new ByteArrayInputStream(grown), counted)) {
            in.transferTo(out);
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[4], 0, 4));
        }
        assertArrayEquals("{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }
}
