package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.codegenagentlogs.core.hostile.HtmlChecks;
import io.codegenagentlogs.core.report.ReportFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Parses renderer output as XML (strictly: any error fails the test) and checks the tree for active content. */
final class XmlAssert {
    private XmlAssert() {
    }

    static Document parse(String xml) {
        return HtmlChecks.parse(xml, "XML");
    }

    static List<Element> elements(Node root) {
        return HtmlChecks.elements(root);
    }

    static List<Element> byName(Node root, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements(root)) {
            if (localName.equalsIgnoreCase(name(e))) {
                out.add(e);
            }
        }
        return out;
    }

    static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** No script, no event handler, no style attribute, no link or source that is not http(s) or a relative file. */
    static void assertNoActiveContent(Document doc) {
        for (Element e : elements(doc)) {
            String tag = name(e).toLowerCase(Locale.ROOT);
            assertFalse("element " + tag, List.of("script", "iframe", "object", "embed", "foreignobject", "img", "style",
                    "base", "form", "meta-refresh").contains(tag));
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String an = (a.getLocalName() != null ? a.getLocalName() : a.getName()).toLowerCase(Locale.ROOT);
                assertFalse("event attribute " + an + " on " + tag, an.startsWith("on"));
                assertFalse("style attribute on " + tag, an.equals("style"));
                if (an.equals("href") || an.equals("src") || an.equals("action") || an.equals("formaction")) {
                    String v = a.getValue().strip().toLowerCase(Locale.ROOT);
                    assertFalse(an + "=" + v, v.contains("javascript:") || v.startsWith("data:"));
                    assertTrue(an + "=" + v, v.startsWith("https://") || v.startsWith("http://")
                            || v.equals(ReportFiles.REPORT_CSS) || v.equals(ReportFiles.LOGS_NDJSON) || v.matches("#cal-[a-z-]+"));
                }
            }
        }
    }

    /** Every character of the document's text and attributes is allowed and none is a control, bidi or escape char. */
    static void assertNoControlCharacters(String xml) {
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || io.codegenagentlogs.core.api.OneLine.isBidiControl(c)
                    || c == '\uFFFE' || c == '\uFFFF') {
                fail("character U+" + String.format("%04X", (int) c) + " at " + i);
            }
        }
    }
}
