package io.codegenagentlogs.core.report;

/**
 * One section of the HTML report: its anchor, its title (for the contents and for the note that
 * names what was left out) and its markup.
 */
record HtmlSection(String id, String title, String html) {
}
