package io.codegenagentlogs.core.report;

/** The names of the files a watch leaves in its report directory; surfaces and docs refer to these. */
public final class ReportFiles {
    /** Machine-readable summary, see docs/summary-json.md. */
    public static final String SUMMARY_JSON = "summary.json";
    /** GitHub-flavoured Markdown, fit for a job summary or a PR comment (at most 1 MiB). */
    public static final String SUMMARY_MD = "summary.md";
    /** A self-contained page; needs {@link #REPORT_CSS} beside it. */
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_CSS = "report.css";
    /** One test suite, for CI test-result views. */
    public static final String JUNIT_XML = "junit.xml";
    /** Every entry exactly as received, one JSON object a line; written during the watch. */
    public static final String LOGS_NDJSON = "logs.ndjson";

    /** Classpath location of the stylesheet, for surfaces that serve it themselves. */
    public static final String CSS_RESOURCE = "/io/codegenagentlogs/core/report/report.css";

    private ReportFiles() {
    }
}
