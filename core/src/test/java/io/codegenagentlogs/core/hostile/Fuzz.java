package io.codegenagentlogs.core.hostile;

import java.util.List;
import java.util.Random;

/**
 * A seeded, time-bounded generator of hostile text for the fuzz tests. The default budget is a short
 * pass fit for every build; longer runs are for running by hand:
 * <pre>
 * mvn -B test -pl core -am -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.seconds=600
 * mvn -B test -pl core -am -Dtest=RendererFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.seed=1234   # replay a failure
 * </pre>
 * A failure names its seed and iteration, so it can be replayed exactly.
 */
public final class Fuzz {
    private static final String PUNCTUATION = "<>&\"'`|*_[](){}!#@:/\\\\=;-+.~$^%?,\n\r\t ";
    private static final int[] SPECIAL = {0, 7, 8, 0x0b, 0x0c, 0x1b, 0x7f, 0x85, 0x9b, 0x9d, 0x9c, 0xa0, 0xad, 0x34f, 0x61c,
        0x115f, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2060, 0x2064, 0x2066, 0x2069,
        0x3164, 0xfe0f, 0xfeff, 0xfff9, 0xfffd, 0xfffe, 0xffff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe0041, 0xe007f, 0xe0100,
        0x1f468, 0x1f600, 0x4e2d, 0xe9, 0xff1c};
    private static final List<String> FRAGMENTS = List.of("<script>", "</script>", "javascript:", "data:", "<img src=x onerror=",
            "]]>", "<!--", "-->", "<![CDATA[", "</testcase>", "::error::", "::add-mask::", "::stop-commands::", "##[", "\u001b[31m",
            "\u001b]8;;http://x\u0007", "\u001b]0;", "\u001bP", "\u001b\\", "```", "~~~", "| --- |", "[x](", "![", "@octocat",
            "https://", "www.", "&amp;", "&#x3C;", "\\u003c", "%3C", "{{7*7}}", "${jndi:", "<svg onload=", "style=\"", "\r\n", "\n# ");

    private final Random random;
    private final long seed;
    private final long deadline;
    private long iterations;

    private Fuzz(long seed, long seconds) {
        this.seed = seed;
        this.random = new Random(seed);
        this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    /** From {@code -Dfuzz.seed} (else the time) and {@code -Dfuzz.seconds} (else {@code defaultSeconds}). */
    public static Fuzz start(long defaultSeconds) {
        long seed = Long.getLong("fuzz.seed", System.currentTimeMillis());
        return new Fuzz(seed, Long.getLong("fuzz.seconds", defaultSeconds));
    }

    /** Whether another iteration fits in the budget (at least {@code minimum} run in any case). */
    public boolean next(int minimum) {
        return iterations++ < minimum || System.nanoTime() < deadline;
    }

    public long iterations() {
        return iterations;
    }

    public Random random() {
        return random;
    }

    /** "seed S, iteration I": enough to replay. */
    public String where() {
        return "seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), iteration " + iterations;
    }

    /** Hostile text: corpus payloads, pieces of them, markup fragments, special code points and words, mixed. */
    public String text(List<HostileCorpus.Payload> corpus) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    String p = corpus.get(random.nextInt(corpus.size())).text();
                    int a = random.nextInt(p.length() + 1);
                    int b = a + random.nextInt(p.length() - a + 1);
                    sb.append(p, a, b);
                }
                case 1 -> sb.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                case 2 -> sb.appendCodePoint(SPECIAL[random.nextInt(SPECIAL.length)]);
                case 3 -> sb.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
                case 4 -> sb.append("word").append(random.nextInt(100)).append(' ');
                default -> {
                    int cp = random.nextInt(0x30000);
                    if (Character.isValidCodePoint(cp)) {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        return sb.toString();
    }
}
