package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.api.Timestamps;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.ChangeRecord;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.report.TimelinePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's pictures as inline SVG: entries per message type, the run's timeline, and (for the
 * Jenkins trend) a small multi-series line chart. Colours
 * come from CSS classes in report.css (fill attributes are only the fallback when the stylesheet is
 * missing; CSS overrides them), so nothing needs {@code style=} and the strict artifact CSP holds.
 * Each chart carries a {@code <title>} with its content in words for screen readers.
 */
public final class SvgCharts {
    static final int WIDTH = 640;
    static final int MAX_BARS = 25;
    private static final int LABEL_WIDTH = 220; // fits the longest documented type, USER_GITHUB_ISSUE_COMMENT
    private static final int BAR_AREA = 380;
    private static final int ROW = 20;
    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"cal-chart %s\""
            + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">";

    /** Type classes: how an entry is coloured. */
    static final String FAIL = "cal-t-fail";
    static final String FINAL = "cal-t-final";
    static final String OTHER = "cal-t-other";
    /** An ERROR entry the policy does not fail on, or a change whose call failed. */
    static final String ERROR = "cal-t-error";
    /** A code-changing call. */
    static final String CHANGE = "cal-t-change";

    private SvgCharts() {
    }

    /** The CSS class of a message type: failing types red, FINAL_ANSWER green, the rest neutral. */
    static String typeClass(String normalizedType, GatePolicy policy) {
        if (policy.isFailing(normalizedType)) {
            return FAIL;
        }
        return "FINAL_ANSWER".equals(normalizedType) ? FINAL : OTHER;
    }

    private static String fallbackFill(String typeClass) {
        return switch (typeClass) {
            case FAIL -> "#c62828";
            case FINAL -> "#2e7d32";
            case ERROR -> "#ef6c00";
            case CHANGE -> "#1565c0";
            default -> "#78909c";
        };
    }

    /** A horizontal bar per message type, largest first; "" when there are no entries. */
    public static String countsChart(Report report) {
        List<Map.Entry<String, Long>> rows = report.summary().countsByFrequency();
        if (rows.isEmpty()) {
            return "";
        }
        long rest = 0;
        int restTypes = 0;
        if (rows.size() > MAX_BARS) {
            for (Map.Entry<String, Long> e : rows.subList(MAX_BARS - 1, rows.size())) {
                rest += e.getValue();
                restTypes++;
            }
            rows = new ArrayList<>(rows.subList(0, MAX_BARS - 1));
        }
        long max = Math.max(rest, rows.get(0).getValue());
        int bars = rows.size() + (restTypes > 0 ? 1 : 0);
        int height = bars * ROW + 8;

        StringBuilder title = new StringBuilder("Entries by message type:");
        StringBuilder body = new StringBuilder();
        int y = 4;
        for (Map.Entry<String, Long> e : rows) {
            String cls = typeClass(e.getKey(), report.policy());
            bar(body, e.getKey(), e.getValue(), max, y, cls);
            title.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(',');
            y += ROW;
        }
        if (restTypes > 0) {
            bar(body, restTypes + " more types", rest, max, y, OTHER);
            title.append(' ').append(restTypes).append(" more types ").append(rest).append(',');
        }
        title.setLength(title.length() - 1);

        StringBuilder svg = new StringBuilder(body.length() + 512);
        svg.append(String.format(Locale.ROOT, SVG_OPEN, "cal-counts", WIDTH, height, WIDTH, height));
        svg.append("<title>").append(XmlText.line(title.toString(), 4000)).append("</title>");
        svg.append(body);
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder sb, String label, long value, long max, int y, String cls) {
        int w = max <= 0 ? 0 : (int) Math.max(1, Math.round((double) value / max * BAR_AREA));
        sb.append("<g class=\"cal-bar-row ").append(cls).append("\">");
        sb.append("<title>").append(XmlText.line(label + ": " + value, 300)).append("</title>");
        sb.append("<text class=\"cal-label\" x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 14)
                .append("\" text-anchor=\"end\">").append(XmlText.line(label, 26)).append("</text>");
        sb.append("<rect class=\"cal-bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 2)
                .append("\" width=\"").append(w).append("\" height=\"").append(ROW - 4)
                .append("\" fill=\"").append(fallbackFill(cls)).append("\"/>");
        sb.append("<text class=\"cal-value\" x=\"").append(LABEL_WIDTH + w + 6).append("\" y=\"").append(y + 14)
                .append("\">").append(value).append("</text>");
        sb.append("</g>");
    }

    /**
     * The run over time, in four lanes: failing and ERROR entries (every one of them up to
     * {@link SummaryAccumulator#MAX_ERROR_MARKS}, unsampled: this is where the errors happened), code
     * changes (the audit trail's calls), the final answer, and a sample of everything else. The x
     * axis is time when the sample has readable, increasing timestamps, else the entry's position.
     * "" when there are no entries.
     */
    public static String timelineChart(Report report) {
        RunSummary s = report.summary();
        List<TimelinePoint> points = s.timeline();
        if (points.isEmpty()) {
            return "";
        }
        Instant first = points.get(0).at();
        Instant last = points.get(points.size() - 1).at();
        boolean byTime = first != null && last != null && last.isAfter(first)
                && points.stream().allMatch(p -> p.at() != null);
        Axis axis = new Axis(byTime, byTime ? first.toEpochMilli() : points.get(0).index(),
                byTime ? last.toEpochMilli() : points.get(points.size() - 1).index());

        String[] names = {"failing / ERROR", "changes", "final answer", "other"};
        int height = names.length * LANE + 30;

        StringBuilder ticks = new StringBuilder(points.size() * 90);
        long marked = 0;
        for (TimelinePoint p : s.errorMarks()) {
            String cls = report.policy().isFailing(p.type()) ? FAIL : ERROR;
            marked += tick(ticks, axis, p.index(), p.at(), 0, cls) ? 1 : 0;
        }
        long changes = 0;
        for (ChangeRecord c : s.audit().changes()) {
            changes += tick(ticks, axis, c.index(), Timestamps.parseOrNull(c.createdAt()), 1, c.failed() ? ERROR : CHANGE) ? 1 : 0;
        }
        for (TimelinePoint p : points) {
            String cls = typeClass(p.type(), report.policy());
            if (cls.equals(FAIL) || "ERROR".equals(p.type())) {
                continue; // drawn from the unsampled marks
            }
            tick(ticks, axis, p.index(), p.at(), cls.equals(FINAL) ? 2 : 3, cls);
        }

        StringBuilder svg = new StringBuilder(ticks.length() + 1024);
        svg.append(String.format(Locale.ROOT, SVG_OPEN, "cal-timeline", TIMELINE_WIDTH, height, TIMELINE_WIDTH, height));
        String title = "Timeline of " + HumanFormat.plural(s.entriesSeen(), "entry", "entries")
                + (byTime ? " from " + HumanFormat.dateTime(first) + " to " + HumanFormat.dateTime(last) : " by position")
                + "; " + marked + " failing or ERROR entries marked"
                + (s.errorMarkTotal() > s.errorMarks().size() ? " (the first " + s.errorMarks().size() + " of "
                        + s.errorMarkTotal() + ")" : "")
                + "; " + changes + " code changes marked"
                + (s.timelineStride() > 1 ? "; other entries: one in " + s.timelineStride() + " shown" : "");
        svg.append("<title>").append(XmlText.line(title, 1000)).append("</title>");
        for (int i = 0; i < names.length; i++) {
            int y = 4 + i * LANE;
            svg.append("<rect class=\"cal-lane\" x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"")
                    .append(PLOT).append("\" height=\"").append(LANE - 4).append("\" fill=\"#f5f5f5\"/>");
            svg.append("<text class=\"cal-label\" x=\"").append(LEFT - 6).append("\" y=\"").append(y + 11)
                    .append("\" text-anchor=\"end\">").append(names[i]).append("</text>");
        }
        svg.append(ticks);
        int axisY = names.length * LANE + 18;
        String start = byTime ? HumanFormat.time(first) : "#" + points.get(0).index();
        String end = byTime ? HumanFormat.time(last) + " UTC" : "#" + points.get(points.size() - 1).index();
        svg.append("<text class=\"cal-axis\" x=\"").append(LEFT).append("\" y=\"").append(axisY).append("\">")
                .append(XmlText.escape(start)).append("</text>");
        svg.append("<text class=\"cal-axis\" x=\"").append(LEFT + PLOT).append("\" y=\"").append(axisY)
                .append("\" text-anchor=\"end\">").append(XmlText.escape(end)).append("</text>");
        return svg.append("</svg>").toString();
    }

    /** The timeline is wider than the bar chart: time wants room, and it shrinks with the page. */
    static final int TIMELINE_WIDTH = 1000;
    private static final int LEFT = 110;
    private static final int PLOT = TIMELINE_WIDTH - LEFT - 10;
    private static final int LANE = 18;

    /** Where the x axis starts and ends: epoch milliseconds, or entry positions. */
    private record Axis(boolean byTime, double from, double to) {
        /** The x of an entry, or NaN when it cannot be placed (no readable time on a time axis). */
        double x(long index, Instant at) {
            if (byTime && at == null) {
                return Double.NaN;
            }
            double v = byTime ? at.toEpochMilli() : index;
            double clamped = Math.max(from, Math.min(to, v));
            return LEFT + (clamped - from) / Math.max(1, to - from) * (PLOT - 2);
        }
    }

    /** One tick in a lane; false when it could not be placed. */
    private static boolean tick(StringBuilder sb, Axis axis, long index, Instant at, int lane, String cls) {
        double x = axis.x(index, at);
        if (Double.isNaN(x)) {
            return false;
        }
        sb.append("<rect class=\"cal-tick ").append(cls).append("\" x=\"")
                .append(String.format(Locale.ROOT, "%.1f", x)).append("\" y=\"").append(4 + lane * LANE)
                .append("\" width=\"2\" height=\"").append(LANE - 4).append("\" fill=\"")
                .append(fallbackFill(cls)).append("\"/>");
        return true;
    }
}
