package io.codegenagentlogs.core.watch;

/**
 * Fingerprints (not texts) of the last delivered entries, by position, to notice a page that starts
 * by repeating entries delivered just before it (a server serving overlapping pages). Entries have no
 * id: position is their identity, and the cursor follows the server's positions, so repeats are only
 * reported, never dropped. Memory: 8 bytes per remembered entry.
 */
final class RecentEntries {
    private final long[] fingerprints;
    /** Position of the entry after the last one remembered; positions before it minus the capacity are forgotten. */
    private long end;
    private int known;

    RecentEntries(int capacity) {
        this.fingerprints = new long[capacity];
    }

    static long fingerprint(String raw) {
        // String caches its hash; the length makes two equal hashes of different texts rarer still
        return ((long) raw.hashCode() << 32) ^ raw.length();
    }

    /** Remembers the entry at {@code index}, which must follow the last remembered one (or start afresh). */
    void add(long index, long fingerprint) {
        if (index != end) {
            known = 0;
        }
        fingerprints[(int) Math.floorMod(index, (long) fingerprints.length)] = fingerprint;
        end = index + 1;
        known = Math.min(known + 1, fingerprints.length);
    }

    /**
     * How many entries at the start of {@code page} (fingerprints) repeat, in order, the entries just
     * before position {@code skip}: the largest such count, or 0.
     */
    int repeatedAtStart(long skip, long[] page) {
        if (skip != end || known == 0 || page.length == 0) {
            return 0;
        }
        int max = Math.min(known, page.length);
        for (int k = max; k >= 1; k--) {
            boolean same = true;
            for (int i = 0; i < k && same; i++) {
                same = fingerprints[(int) Math.floorMod(skip - k + i, (long) fingerprints.length)] == page[i];
            }
            if (same) {
                return k;
            }
        }
        return 0;
    }
}
