package io.codegenagentlogs.core.api;

/**
 * A response body that is not a readable logs page: not JSON, not the expected shape, not UTF-8, or
 * larger than {@link PageDecoder#MAX_PAGE_BYTES}. Another request may get a good page (a proxy's
 * glitch), so the watcher tries a page at most twice before it gives up with this message.
 */
public final class MalformedPageException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final long byteOffset;
    private final int entry;
    private final boolean tooLarge;

    private MalformedPageException(String what, long byteOffset, int entry, boolean tooLarge) {
        super(describe(what, byteOffset, entry));
        this.what = what;
        this.byteOffset = byteOffset;
        this.entry = entry;
        this.tooLarge = tooLarge;
    }

    static MalformedPageException syntax(String what, long byteOffset) {
        return new MalformedPageException(what, byteOffset, -1, false);
    }

    static MalformedPageException tooLarge(long maxBytes) {
        return new MalformedPageException("the page is larger than " + (maxBytes >> 20) + " MiB, the most a page may be",
                maxBytes, -1, true);
    }

    /** The same problem, located in entry {@code index} (0-based in the page) which starts at {@code entryStart}. */
    MalformedPageException inEntry(int index, long entryStart) {
        if (entry >= 0 || tooLarge) {
            return this;
        }
        return new MalformedPageException(what, byteOffset - entryStart, index, false);
    }

    private static String describe(String what, long byteOffset, int entry) {
        return entry >= 0
                ? "entry " + (entry + 1) + " of the page: " + what + " at byte " + byteOffset + " of the entry"
                : what + " at byte " + byteOffset + " of the page";
    }

    /** What is wrong, without the position. */
    public String what() {
        return what;
    }

    /** The 0-based position of the bad entry in the page, or -1 when the problem is outside any entry. */
    public int entry() {
        return entry;
    }

    /** Where: bytes from the start of the entry, or of the page when {@link #entry()} is -1. */
    public long byteOffset() {
        return byteOffset;
    }

    /** Whether the page went past the size cap (rather than being malformed). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
