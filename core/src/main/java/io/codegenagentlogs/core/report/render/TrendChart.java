package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.TrendPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A trend across builds as inline SVG, drawn on the server so that it needs no script (and so fits
 * Jenkins' Content Security Policy): four small charts on one build axis, oldest build on the left,
 * for failing entries, ERROR entries, actions and the agent run's duration. Each has its own scale,
 * so that a run of 300 actions does not flatten 2 errors. Colours come from report.css classes under
 * {@code .cal-report}, with fill and stroke attributes as the fallback.
 */
public final class TrendChart {
    static final int WIDTH = 640;
    private static final int LEFT = 150;
    private static final int RIGHT = 72;
    private static final int PANEL = 54;
    private static final int GAP = 14;
    private static final int TOP = 6;

    private TrendChart() {
    }

    /** One series: its title, its CSS class and fallback colour, how to read a point, how to show a value. */
    private record Series(String title, String cls, String colour, Function<TrendPoint, Long> value,
            Function<Long, String> format) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("Failing entries", "cal-t-fail", "#c62828", p -> p.failingEntries(), v -> Long.toString(v)),
            new Series("ERROR entries", "cal-t-error", "#ef6c00", TrendPoint::errorEntries, v -> Long.toString(v)),
            new Series("Actions", "cal-t-change", "#1565c0", TrendPoint::actions, v -> Long.toString(v)),
            new Series("Agent run duration", "cal-t-other", "#78909c", TrendPoint::agentRunMillis, HumanFormat::millis));

    /**
     * @param points builds, oldest first
     * @return the SVG, or "" when there is no build to draw
     */
    public static String render(List<TrendPoint> points) {
        if (points.isEmpty()) {
            return "";
        }
        int height = TOP + SERIES.size() * (PANEL + GAP) + 20;
        int plot = WIDTH - LEFT - RIGHT;
        StringBuilder sb = new StringBuilder(4096 + points.size() * 400);
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"cal-chart "
                + "cal-trend\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", WIDTH, height, WIDTH, height));
        sb.append("<title>").append(XmlText.line(title(points), 4000)).append("</title>");
        int y0 = TOP;
        for (Series s : SERIES) {
            panel(sb, s, points, y0, plot);
            y0 += PANEL + GAP;
        }
        String first = points.get(0).label();
        String last = points.get(points.size() - 1).label();
        sb.append("<text class=\"cal-axis\" x=\"").append(LEFT).append("\" y=\"").append(height - 4).append("\">")
                .append(XmlText.line(first, 40)).append("</text>");
        if (points.size() > 1) {
            sb.append("<text class=\"cal-axis\" x=\"").append(LEFT + plot).append("\" y=\"").append(height - 4)
                    .append("\" text-anchor=\"end\">").append(XmlText.line(last, 40)).append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    private static void panel(StringBuilder sb, Series s, List<TrendPoint> points, int y0, int plot) {
        long max = 0;
        Long latest = null;
        for (TrendPoint p : points) {
            Long v = s.value().apply(p);
            if (v != null) {
                max = Math.max(max, v);
                latest = v;
            }
        }
        sb.append("<g class=\"cal-trend-series ").append(s.cls()).append("\">");
        sb.append("<rect class=\"cal-lane\" x=\"").append(LEFT).append("\" y=\"").append(y0).append("\" width=\"").append(plot)
                .append("\" height=\"").append(PANEL).append("\" fill=\"#f5f5f5\"/>");
        sb.append("<text class=\"cal-label\" x=\"").append(LEFT - 8).append("\" y=\"").append(y0 + 16)
                .append("\" text-anchor=\"end\">").append(s.title()).append("</text>");
        sb.append("<text class=\"cal-axis\" x=\"").append(LEFT - 8).append("\" y=\"").append(y0 + 32)
                .append("\" text-anchor=\"end\">").append(latest == null ? "no data" : "latest " + XmlText.escape(s.format().apply(latest)))
                .append("</text>");
        sb.append("<text class=\"cal-axis\" x=\"").append(LEFT + plot + 4).append("\" y=\"").append(y0 + 10).append("\">")
                .append(XmlText.escape(s.format().apply(max))).append("</text>");
        sb.append("<text class=\"cal-axis\" x=\"").append(LEFT + plot + 4).append("\" y=\"").append(y0 + PANEL).append("\">0</text>");
        // a line through the known points (a gap where a value is unknown), and a dot on each
        List<String> segment = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Long v = s.value().apply(points.get(i));
            if (v == null) {
                line(sb, segment, s);
                continue;
            }
            double x = LEFT + (points.size() == 1 ? plot / 2.0 : 4 + (plot - 8) * (double) i / (points.size() - 1));
            double y = y0 + PANEL - 4 - (max == 0 ? 0 : (PANEL - 8) * (double) v / max);
            String xy = String.format(Locale.ROOT, "%.1f,%.1f", x, y);
            segment.add(xy);
            dots.append(String.format(Locale.ROOT, "<circle class=\"cal-dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\">",
                    x, y, s.colour()));
            dots.append("<title>").append(XmlText.line(points.get(i).label() + ": " + s.format().apply(v), 200))
                    .append("</title></circle>");
        }
        line(sb, segment, s);
        sb.append(dots).append("</g>");
    }

    private static void line(StringBuilder sb, List<String> segment, Series s) {
        if (segment.size() > 1) {
            sb.append("<polyline class=\"cal-trend-line\" fill=\"none\" stroke=\"").append(s.colour())
                    .append("\" stroke-width=\"2\" points=\"").append(String.join(" ", segment)).append("\"/>");
        }
        segment.clear();
    }

    /** The chart in words, for screen readers and tests. */
    private static String title(List<TrendPoint> points) {
        TrendPoint last = points.get(points.size() - 1);
        return "Trend over " + HumanFormat.plural(points.size(), "build", "builds") + ", " + points.get(0).label() + " to "
                + last.label() + "; latest: " + last.failingEntries() + " failing entries, "
                + (last.errorEntries() == null ? "unknown" : last.errorEntries()) + " ERROR entries, "
                + (last.actions() == null ? "unknown" : last.actions()) + " actions, agent run "
                + (last.agentRunMillis() == null ? "of unknown length" : HumanFormat.millis(last.agentRunMillis()));
    }
}
