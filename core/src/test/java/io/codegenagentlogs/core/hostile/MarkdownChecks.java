package io.codegenagentlogs.core.hostile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * What GitHub-flavoured Markdown holding hostile text must be, checked on the tree a real CommonMark
 * parser (with GFM tables, strikethrough and autolinks) builds: no raw HTML, links only to http(s)
 * (bare URLs and www. included), no images, no mentions, tables whose rows keep their cell count, and
 * the same block structure as the same report with harmless text.
 */
public final class MarkdownChecks {
    private static final List<Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(GFM).build();
    /** A GitHub mention: @ then a name character, not inside a word. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w`])@[A-Za-z0-9]");

    /**
     * The only HTML our Markdown may hold: a folding {@code <details>} with a summary of our own words
     * (letters, digits, spaces and a little punctuation, nothing from the agent), and its end.
     */
    private static final Pattern OUR_HTML_BLOCK = Pattern.compile(
            "(<details><summary>[A-Za-z0-9 :,#()._-]*</summary>|</details>)\\s*");

    private MarkdownChecks() {
    }

    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** No HTML, no image, links only to http(s) and printable ASCII, no mention, tables intact. */
    public static Node assertInert(String markdown, String where) {
        Node doc = parse(markdown);
        List<String> problems = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline n) {
                problems.add("raw inline HTML " + n.getLiteral());
            }

            @Override
            public void visit(HtmlBlock n) {
                if (!OUR_HTML_BLOCK.matcher(n.getLiteral()).matches()) {
                    problems.add("raw HTML block " + n.getLiteral());
                }
            }

            @Override
            public void visit(Image n) {
                problems.add("image " + n.getDestination());
            }

            @Override
            public void visit(Link n) {
                if (n.getDestination().startsWith("mailto:") && !githubLinksEmail(n.getDestination().substring(7))) {
                    return;
                }
                String d = n.getDestination().toLowerCase(Locale.ROOT);
                if (!(d.startsWith("https://") || d.startsWith("http://")) || !d.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                    problems.add("link to " + DisplayChecks.visible(n.getDestination()));
                }
                visitChildren(n);
            }

            @Override
            public void visit(Text n) {
                if (MENTION.matcher(n.getLiteral()).find()) {
                    problems.add("mention in " + n.getLiteral());
                }
            }
        });
        if (!problems.isEmpty()) {
            fail(where + ": " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        assertTablesIntact(markdown, where);
        DisplayChecks.assertDisplaySafe(markdown, DisplayChecks.Allow.MARKDOWN, where);
        return doc;
    }

    /**
     * commonmark-java links e-mail addresses with any letters around the {@code @}; GitHub's cmark-gfm
     * takes only ASCII letters, digits and {@code .+-_} right before it and a letter or digit right
     * after it, which is what MarkdownText's zero-width spaces around {@code @} rely on.
     */
    static boolean githubLinksEmail(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at + 1 >= address.length()) {
            return false;
        }
        char before = address.charAt(at - 1);
        char after = address.charAt(at + 1);
        boolean asciiAlnum = (before < 0x80 && Character.isLetterOrDigit(before)) || ".+-_".indexOf(before) >= 0;
        return asciiAlnum && after < 0x80 && Character.isLetterOrDigit(after);
    }

    /** Each table (lines starting with '|') keeps its header's number of unescaped pipes on every row. */
    public static void assertTablesIntact(String markdown, String where) {
        int expected = -1;
        String fence = null; // the fence we are inside: a longer fence's content may hold shorter ones
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (fence == null && line.startsWith("```")) {
                fence = line.substring(0, line.length() - line.replaceFirst("^`+", "").length());
                expected = -1;
                continue;
            }
            if (fence != null) {
                if (line.equals(fence)) {
                    fence = null;
                }
                continue;
            }
            if (!line.startsWith("|")) {
                expected = -1;
                continue;
            }
            int pipes = unescapedPipes(line);
            if (expected < 0) {
                expected = pipes;
            } else {
                assertEquals(where + ": table row " + (i + 1) + " has another number of cells: " + line, expected, pipes);
            }
        }
    }

    private static int unescapedPipes(String line) {
        int n = 0;
        int backslashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '|' && backslashes % 2 == 0) {
                n++;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return n;
    }

    /** The destinations of every link GitHub would make (bare URLs and www. included). */
    public static List<String> links(Node doc) {
        List<String> out = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link n) {
                if (!n.getDestination().startsWith("mailto:") || githubLinksEmail(n.getDestination().substring(7))) {
                    out.add(n.getDestination());
                }
                visitChildren(n);
            }
        });
        return out;
    }

    /**
     * How many blocks of each kind text could forge: headings, rules, quotes, indented code, ordered
     * lists, HTML. The same report with harmless text must have as many (sections that appear only for
     * some data, such as a note before a table, change paragraphs and tables, never these).
     */
    public static java.util.Map<String, Integer> forgeableBlocks(Node doc) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (String b : blockStructure(doc)) {
            String kind = b.strip();
            if (List.of("Heading", "ThematicBreak", "BlockQuote", "IndentedCodeBlock", "OrderedList", "HtmlBlock").contains(kind)) {
                out.merge(kind, 1, Integer::sum);
            }
        }
        return out;
    }

    /** The kinds of blocks, in document order. */
    public static List<String> blockStructure(Node doc) {
        List<String> out = new ArrayList<>();
        collectBlocks(doc, 0, out);
        return out;
    }

    private static void collectBlocks(Node n, int depth, List<String> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Block) {
                out.add("  ".repeat(depth) + c.getClass().getSimpleName());
                if (!(c instanceof FencedCodeBlock) && !(c instanceof IndentedCodeBlock)) {
                    collectBlocks(c, depth + 1, out);
                }
            }
        }
    }

    /** The text a reader sees (code spans and blocks included), our own ZWSPs removed, whitespace squeezed. */
    public static String text(Node doc) {
        StringBuilder sb = new StringBuilder();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text n) {
                sb.append(n.getLiteral());
            }

            @Override
            public void visit(Code n) {
                sb.append(n.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock n) {
                sb.append(' ').append(n.getLiteral()).append(' ');
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak n) {
                sb.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.Paragraph n) {
                sb.append(' ');
                visitChildren(n);
                sb.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.CustomBlock n) {
                sb.append(' ');
                visitChildren(n);
                sb.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.CustomNode n) {
                sb.append(' ');
                visitChildren(n);
                sb.append(' ');
            }
        });
        return DisplayChecks.squeeze(sb.toString().replace("\u200B", ""));
    }
}
