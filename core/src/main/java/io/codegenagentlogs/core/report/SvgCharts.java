package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.gate.GatePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's pictures as inline SVG: entries per message type, and the run's timeline. Colours
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
     * The run over time: one tick per sampled entry, in a lane by type class (failing, final answer,
     * other). The x axis is time when the sample has readable, increasing timestamps, else the
     * entry's position. "" when there are no entries.
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
        double from = byTime ? first.toEpochMilli() : points.get(0).index();
        double to = byTime ? last.toEpochMilli() : points.get(points.size() - 1).index();
        double span = Math.max(1, to - from);

        int left = 100;
        int plot = WIDTH - left - 10;
        int lane = 18;
        String[] names = {"failing", "final answer", "other"};
        int height = 3 * lane + 30;

        long failing = 0;
        StringBuilder ticks = new StringBuilder(points.size() * 90);
        for (TimelinePoint p : points) {
            String cls = typeClass(p.type(), report.policy());
            if (cls.equals(FAIL)) {
                failing++;
            }
            int laneIndex = cls.equals(FAIL) ? 0 : cls.equals(FINAL) ? 1 : 2;
            double v = byTime ? p.at().toEpochMilli() : p.index();
            double x = left + (v - from) / span * (plot - 2);
            ticks.append("<rect class=\"cal-tick ").append(cls).append("\" x=\"")
                    .append(String.format(Locale.ROOT, "%.1f", x)).append("\" y=\"").append(4 + laneIndex * lane)
                    .append("\" width=\"2\" height=\"").append(lane - 4).append("\" fill=\"")
                    .append(fallbackFill(cls)).append("\"/>");
        }

        StringBuilder svg = new StringBuilder(ticks.length() + 1024);
        svg.append(String.format(Locale.ROOT, SVG_OPEN, "cal-timeline", WIDTH, height, WIDTH, height));
        String title = "Timeline of " + HumanFormat.plural(s.entriesSeen(), "entry", "entries")
                + (byTime ? " from " + HumanFormat.dateTime(first) + " to " + HumanFormat.dateTime(last) : " by position")
                + (s.timelineStride() > 1 ? ", one in " + s.timelineStride() + " shown" : "")
                + "; " + failing + " failing shown";
        svg.append("<title>").append(XmlText.line(title, 1000)).append("</title>");
        for (int i = 0; i < 3; i++) {
            int y = 4 + i * lane;
            svg.append("<rect class=\"cal-lane\" x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"")
                    .append(plot).append("\" height=\"").append(lane - 4).append("\" fill=\"#f5f5f5\"/>");
            svg.append("<text class=\"cal-label\" x=\"").append(left - 6).append("\" y=\"").append(y + 11)
                    .append("\" text-anchor=\"end\">").append(names[i]).append("</text>");
        }
        svg.append(ticks);
        int axisY = 3 * lane + 18;
        String start = byTime ? HumanFormat.time(first) : "#" + points.get(0).index();
        String end = byTime ? HumanFormat.time(last) + " UTC" : "#" + points.get(points.size() - 1).index();
        svg.append("<text class=\"cal-axis\" x=\"").append(left).append("\" y=\"").append(axisY).append("\">")
                .append(XmlText.escape(start)).append("</text>");
        svg.append("<text class=\"cal-axis\" x=\"").append(left + plot).append("\" y=\"").append(axisY)
                .append("\" text-anchor=\"end\">").append(XmlText.escape(end)).append("</text>");
        return svg.append("</svg>").toString();
    }
}
