package io.codegenagentlogs.cli;

import java.util.function.IntConsumer;

/**
 * SIGINT and SIGTERM handled by the CLI itself instead of the JVM's default (which runs the shutdown
 * hooks and exits), so that a cancelled gate still writes its report and exits 130 or 143 as the
 * shell expects (128 + the signal's number). Uses {@code sun.misc.Signal} (module jdk.unsupported),
 * the only way in Java SE to tell the two signals apart; where it is missing, the default stays and
 * the shutdown hook still cancels the watch.
 */
final class Signals {
    private Signals() {
    }

    /** Calls {@code onSignal} with 130 for SIGINT and 143 for SIGTERM. */
    static void onInterruptAndTerminate(IntConsumer onSignal) {
        handle("INT", ExitCodes.CANCELLED, onSignal);
        handle("TERM", ExitCodes.TERMINATED, onSignal);
    }

    private static void handle(String name, int exitCode, IntConsumer onSignal) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> onSignal.accept(exitCode));
        } catch (IllegalArgumentException | LinkageError notHere) {
            // this platform or JVM does not let us handle it: the JVM's default applies
        }
    }
}
