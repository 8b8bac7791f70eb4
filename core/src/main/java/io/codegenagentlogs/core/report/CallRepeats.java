package io.codegenagentlogs.core.report;

import com.google.gson.JsonElement;
import io.codegenagentlogs.core.api.LogEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts identical tool calls (same tool, same input) in bounded memory: a call is a 64-bit
 * fingerprint in an open-addressing table (20 bytes a slot) that tracks at most
 * {@link Reasoning#MAX_TRACKED_CALLS} distinct calls, and only calls made twice or more keep their
 * tool name and a short preview of their input. Not thread-safe.
 */
final class CallRepeats {
    private static final int PREVIEW_CHARS = 160;
    /** Calls made twice or more that keep a description; further ones are counted only. */
    private static final int MAX_DESCRIBED = 2048;

    private long[] keys = new long[64];
    private int[] counts = new int[64];
    private long[] firsts = new long[64];
    private int size;
    private long untracked;
    private int maxCount;
    private String maxTool;
    private final Map<Long, String[]> described = new HashMap<>();

    /**
     * @param key the call's fingerprint ({@link CallScan#inputFingerprint()})
     * @param entry read for a preview of the input, only when the call is first repeated
     */
    void onCall(long index, String tool, long key, LogEntry entry) {
        int slot = find(key);
        if (counts[slot] == 0) {
            if (size >= Reasoning.MAX_TRACKED_CALLS) {
                untracked++;
                return;
            }
            if ((size + 1) * 4 > keys.length * 3) {
                grow();
                slot = find(key);
            }
            keys[slot] = key;
            firsts[slot] = index;
            size++;
        }
        counts[slot]++;
        if (counts[slot] > maxCount) {
            maxCount = counts[slot];
            maxTool = tool;
        }
        if (counts[slot] == 2 && described.size() < MAX_DESCRIBED) {
            JsonElement input = entry.toolInput();
            described.put(key, new String[] {tool, input == null ? null : SafeText.oneLine(input.toString(), PREVIEW_CHARS)});
        }
    }

    /**
     * @param actions ACTION entries
     * @param plans PLAN_EVALUATION entries
     * @param toolCalls calls offered to {@link #onCall}
     */
    Reasoning snapshot(long actions, long plans, long toolCalls) {
        List<RepeatedCall> repeated = new ArrayList<>();
        long repeatedTotal = 0;
        long loops = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] >= 2) {
                repeatedTotal++;
                if (counts[i] >= Reasoning.LOOP_CALLS) {
                    loops++;
                }
                String[] d = described.get(keys[i]);
                if (d != null) {
                    repeated.add(new RepeatedCall(d[0], d[1], counts[i], firsts[i]));
                }
            }
        }
        repeated.sort(Comparator.comparingLong(RepeatedCall::calls).reversed().thenComparingLong(RepeatedCall::firstIndex));
        List<RepeatedCall> shown = repeated.subList(0, Math.min(Reasoning.MAX_SHOWN, repeated.size()));
        return new Reasoning(actions, plans, toolCalls, size, untracked, shown, repeatedTotal, loops, maxCount, maxTool);
    }

    /** The slot holding {@code key}, or the empty slot (count 0) where it would go. */
    private int find(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (counts[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        long[] oldFirsts = firsts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        firsts = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != 0) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
                firsts[slot] = oldFirsts[i];
            }
        }
    }

    /** FNV-1a over the tool name, a separator and the input's text: the fallback of {@link CallScan}. */
    static long fingerprint(String tool, String input) {
        long h = AuditCollector.hash(tool);
        h ^= 0x1F;
        h *= 0x100000001b3L;
        String in = input == null ? "\u0000null" : input;
        for (int i = 0; i < in.length(); i++) {
            h ^= in.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public String toString() {
        return "CallRepeats{" + size + " distinct, " + Arrays.stream(counts).filter(c -> c >= 2).count() + " repeated}";
    }
}
