package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.MarkupText;
import hudson.console.ConsoleAnnotationDescriptor;
import hudson.console.ConsoleAnnotator;
import hudson.console.ConsoleNote;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.LogListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Marks a console line as a failing entry (a type the gate fails on), so that the console shows it
 * apart from the others ({@code style.css} beside this class, which Jenkins loads on console pages).
 * The note carries no data: Jenkins signs notes, so an agent's text cannot forge one, and the marked
 * text itself is escaped by the console like any other.
 */
public final class FailingEntryNote extends ConsoleNote<Object> {
    private static final long serialVersionUID = 1L;

    /** The CSS class of a marked line. */
    static final String CSS_CLASS = "codegen-console-failing";

    @Override
    public ConsoleAnnotator<Object> annotate(@NonNull Object context, @NonNull MarkupText text, int charPos) {
        text.addMarkup(charPos, text.length(), "<span class=\"" + CSS_CLASS + "\">", "</span>");
        return null;
    }

    @Extension
    public static final class DescriptorImpl extends ConsoleAnnotationDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Codegen failing log entries";
        }
    }

    /**
     * Writes the note just before the console line of each failing entry: registered ahead of the
     * {@code ConsolePrinter} on the same stream, it marks the line the printer writes next.
     */
    static final class Marker implements LogListener {
        private final PrintStream out;
        private final GatePolicy policy;
        private final String encoded;

        Marker(PrintStream out, GatePolicy policy) {
            this.out = out;
            this.policy = policy;
            try {
                this.encoded = new FailingEntryNote().encode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onEntry(long index, LogEntry entry) {
            if (policy.isFailing(entry.normalizedType())) {
                out.print(encoded);
            }
        }
    }
}
