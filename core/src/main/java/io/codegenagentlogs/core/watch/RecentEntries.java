package io.codegenagentlogs.core.watch;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The raw text of the last few delivered entries, to recognize a page that repeats them. Entries
 * have no id (position is their identity), but two entries with the same text, timestamp
 * included, are the same entry served twice.
 */
final class RecentEntries {
    private final int capacity;
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final Set<String> members = new HashSet<>();

    RecentEntries(int capacity) {
        this.capacity = capacity;
    }

    boolean contains(String raw) {
        return members.contains(raw);
    }

    void add(String raw) {
        if (members.add(raw)) {
            order.addLast(raw);
            if (order.size() > capacity) {
                members.remove(order.removeFirst());
            }
        }
    }
}
