package io.codegenagentlogs.core.watch;

import java.io.Serializable;

/** Something the server said that does not add up, and what the watcher did about it. */
public final class Anomaly implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** total_logs went down. The cursor never moves back: nothing delivered is taken back or repeated. */
        TOTAL_SHRANK,
        /** An empty page although skip &lt; total_logs. Treated as "caught up": ask again after the poll interval. */
        EMPTY_PAGE,
        /** A page started with entries already delivered. They are dropped; only new entries move the cursor. */
        REPEATED_ENTRIES,
        /** "logs": null. Treated as an empty page. */
        NULL_LOGS,
        /** The run ended but the entries the server counted never came: the verdict is ERROR. */
        INCOMPLETE
    }

    private final Kind kind;
    private final long skip;
    private final String message;

    public Anomaly(Kind kind, long skip, String message) {
        this.kind = kind;
        this.skip = skip;
        this.message = message;
    }

    public Kind kind() {
        return kind;
    }

    /** The cursor when it happened. */
    public long skip() {
        return skip;
    }

    /** One line, for people. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return kind + " at " + skip + ": " + message;
    }
}
