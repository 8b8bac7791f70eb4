package io.codegenagentlogs.core.hostile;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What HTML holding hostile text must be: well-formed (so that no text became markup), made only of
 * inert elements and attributes (nothing runs, loads or styles under the artifact CSP), links only to
 * http(s), and free of invisible characters.
 *
 * <p>The element and attribute lists are the vocabulary our renderers may use. A new section that
 * needs another element adds it here, after checking it can neither run script nor load anything.
 */
public final class HtmlChecks {
    /** Elements that can neither run script nor fetch anything by themselves. */
    public static final Set<String> INERT_ELEMENTS = Set.of(
            "html", "head", "meta", "title", "link", "body",
            "div", "span", "header", "footer", "section", "nav", "article", "aside", "main",
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "pre", "code", "kbd", "samp", "var",
            "strong", "em", "b", "i", "small", "mark", "abbr", "time", "sub", "sup", "del", "ins", "q", "blockquote", "cite",
            "ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption",
            "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "progress", "meter",
            // inline SVG charts: shapes and text only (no use, image, foreignObject, animate, set, script, style)
            "svg", "g", "rect", "line", "polyline", "polygon", "path", "circle", "ellipse", "text", "tspan", "desc");

    /** Attributes that carry no script, no URL and no style. {@code href} is checked on its own. */
    public static final Set<String> INERT_ATTRIBUTES = Set.of(
            "class", "id", "lang", "dir", "title", "role", "charset", "name", "content", "rel", "href", "xmlns", "open",
            "colspan", "rowspan", "scope", "headers", "datetime", "value", "max", "min", "low", "high", "optimum",
            "width", "height", "viewbox", "x", "y", "x1", "x2", "y1", "y2", "dx", "dy", "cx", "cy", "r", "rx", "ry",
            "points", "d", "fill", "stroke", "stroke-width", "opacity", "fill-opacity", "transform", "text-anchor",
            "dominant-baseline", "font-size", "font-weight", "preserveaspectratio", "focusable", "tabindex");

    /** A fragment or a relative path without a scheme: only our own code makes these. */
    private static final java.util.regex.Pattern OWN_RELATIVE = java.util.regex.Pattern.compile("#[A-Za-z0-9_-]+|[A-Za-z0-9_][A-Za-z0-9._/-]*(#[A-Za-z0-9_-]+)?");

    private HtmlChecks() {
    }

    /** Parses strictly as XML: any error fails. */
    public static Document parse(String html, String where) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new AssertionError(where + ": not well-formed: " + e.getMessage(), e);
        }
    }

    /**
     * Well-formed, inert vocabulary, {@code href} only to http(s) or report.css, meta only charset,
     * viewport and referrer, and display-safe text.
     */
    public static Document assertInert(String html, String where) {
        Document doc = parse(html, where);
        for (Element e : elements(doc)) {
            String tag = name(e);
            if (!INERT_ELEMENTS.contains(tag)) {
                fail(where + ": element <" + tag + "> is not in the inert vocabulary");
            }
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String an = (a.getLocalName() != null ? a.getLocalName() : a.getName()).toLowerCase(Locale.ROOT);
                if (a.getPrefix() != null && !a.getPrefix().equals("xmlns")) {
                    fail(where + ": prefixed attribute " + a.getName() + " on <" + tag + ">");
                }
                if (!INERT_ATTRIBUTES.contains(an) && !an.startsWith("aria-") && !an.equals("xmlns")) {
                    fail(where + ": attribute " + an + " on <" + tag + "> is not in the inert vocabulary");
                }
                if (an.equals("href")) {
                    assertSafeHref(tag, a.getValue(), where);
                }
            }
            if (tag.equals("meta")) {
                String n = e.getAttribute("name");
                assertTrue(where + ": <meta> other than charset, viewport, referrer",
                        e.hasAttribute("charset") || n.equals("viewport") || n.equals("referrer"));
            }
        }
        DisplayChecks.assertDisplaySafe(html, DisplayChecks.Allow.LINES, where);
        return doc;
    }

    private static void assertSafeHref(String tag, String href, String where) {
        if (tag.equals("link")) {
            assertTrue(where + ": <link href=" + href + ">", href.equals("report.css"));
            return;
        }
        String v = href.toLowerCase(Locale.ROOT);
        boolean ownRelative = OWN_RELATIVE.matcher(href).matches(); // #section, logs.ndjson, logs: our own pages
        assertTrue(where + ": href=" + href + " on <" + tag + ">",
                tag.equals("a") && (v.startsWith("https://") || v.startsWith("http://") || ownRelative));
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                fail(where + ": href with a character outside printable ASCII: " + DisplayChecks.visible(href.substring(0, Math.min(200, href.length()))));
            }
        }
    }

    /** The document's text, whitespace squeezed. */
    public static String text(Document doc) {
        return DisplayChecks.squeeze(doc.getDocumentElement().getTextContent());
    }

    public static List<Element> elements(Node root) {
        List<Element> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Element> out) {
        if (n instanceof Element e) {
            out.add(e);
        }
        NodeList kids = n.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            collect(kids.item(i), out);
        }
    }

    public static String name(Element e) {
        return (e.getLocalName() != null ? e.getLocalName() : e.getTagName()).toLowerCase(Locale.ROOT);
    }
}
