package io.codegenagentlogs.core.session;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one gate at a time in a report directory, so that two gates never interleave their
 * {@code logs.ndjson}. Two locks, because an OS file lock is held per process, not per gate: a set
 * of directories in use within this JVM (a second gate here is refused at once), and a
 * {@link FileLock} on {@value #FILE} in the directory, against gates in other processes. The lock file
 * stays behind (deleting it would race with a gate about to lock it); it is empty.
 */
final class ReportDirLock implements Closeable {
    static final String FILE = ".codegen-agent-logs.lock";
    private static final Set<Path> IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private ReportDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws ReportDirInUseException when another gate holds it, in this process or another
     */
    static ReportDirLock acquire(Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        Path dir = reportDir.toRealPath();
        if (!IN_THIS_JVM.add(dir)) {
            throw inUse(reportDir, "another gate in this process");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(reportDir, "another gate (another process)");
            }
            return new ReportDirLock(dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_THIS_JVM.remove(dir);
            throw e;
        }
    }

    private static ReportDirInUseException inUse(Path dir, String who) {
        return new ReportDirInUseException("The report directory " + dir + " is being written by " + who
                + "; its files were left as they are");
    }

    /** Unlocks; a second call does nothing (it must not unlock a gate that has taken the directory since). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            IN_THIS_JVM.remove(dir);
        }
    }
}
