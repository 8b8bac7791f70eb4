package io.codegenagentlogs.core.report.render;

/**
 * One section of the HTML report: its anchor, its title (for the contents and for the note that
 * names what was left out), its markup, and optionally a shorter form to use when the full one
 * does not fit under the page's cap.
 *
 * @param compact the section without its bulkiest parts, or null when it has no shorter form
 */
record HtmlSection(String id, String title, String html, String compact) {
    HtmlSection(String id, String title, String html) {
        this(id, title, html, null);
    }
}
