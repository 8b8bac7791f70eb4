package io.jenkins.plugins.codegenagentlogs;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.codegenagentlogs.core.report.TrendPoint;
import io.codegenagentlogs.core.report.render.TrendChart;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import jenkins.model.TransientActionFactory;

/**
 * The job's trend across builds: failing entries, ERROR entries, actions and the agent run's
 * duration, for the last {@link #MAX_BUILDS} builds that watched a Codegen agent run. It reads each
 * build's {@link CodegenRunAction} (a few numbers in {@code build.xml}), never a report or a log
 * file, and draws the chart on the server as SVG ({@link TrendChart}): no script, so Jenkins' CSP holds.
 */
public final class CodegenTrendAction implements Action {
    /** Builds looked at, newest first; the trend shows those among them that watched a run. */
    static final int MAX_BUILDS = 50;
    private static final List<String> VERDICT_ORDER = List.of("FAILED", "TIMED_OUT", "ERROR", "PASSED");

    private final Job<?, ?> job;

    CodegenTrendAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "Codegen trend";
    }

    @Override
    public String getUrlName() {
        return "codegen-trend";
    }

    /** How many of the newest builds the trend looks at. */
    public int getMaxBuilds() {
        return MAX_BUILDS;
    }

    /** The builds of the trend, oldest first. */
    public List<TrendPoint> getPoints() {
        List<TrendPoint> points = new ArrayList<>();
        int looked = 0;
        for (Run<?, ?> run : job.getBuilds()) {
            if (looked++ == MAX_BUILDS) {
                break;
            }
            TrendPoint p = point(run);
            if (p != null) {
                points.add(p);
            }
        }
        Collections.reverse(points);
        return points;
    }

    /** The chart as SVG made by the core's escaping renderer (shown raw by the views); "" without data. */
    public String getChartSvg() {
        return TrendChart.render(getPoints());
    }

    /** A build's finished watches added up, or null when it watched none. */
    static TrendPoint point(Run<?, ?> run) {
        List<CodegenRunAction> actions = run.getActions(CodegenRunAction.class);
        long failing = 0;
        Long errors = 0L;
        Long acts = 0L;
        Long millis = 0L;
        String verdict = null;
        boolean any = false;
        for (CodegenRunAction a : actions) {
            if (!a.isFinished()) {
                continue;
            }
            any = true;
            failing += a.getFailures();
            errors = add(errors, a.getErrorEntries());
            acts = add(acts, a.getActions());
            millis = add(millis, a.getAgentRunMillis());
            verdict = worse(verdict, a.getVerdict());
        }
        return any ? new TrendPoint(run.getDisplayName(), verdict, failing, errors, acts, millis) : null;
    }

    private static Long add(Long sum, Long value) {
        return sum == null || value == null ? null : sum + value;
    }

    private static String worse(String a, String b) {
        if (a == null) {
            return b;
        }
        int ia = VERDICT_ORDER.indexOf(a);
        int ib = VERDICT_ORDER.indexOf(b);
        return ib >= 0 && (ia < 0 || ib < ia) ? b : a;
    }

    /** Adds the trend to every job whose last build watched a Codegen agent run. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            Run<?, ?> last = target.getLastBuild();
            if (last == null || last.getActions(CodegenRunAction.class).isEmpty()) {
                Run<?, ?> completed = target.getLastCompletedBuild();
                if (completed == null || completed.getActions(CodegenRunAction.class).isEmpty()) {
                    return Set.of();
                }
            }
            return Set.of(new CodegenTrendAction((Job<?, ?>) target));
        }
    }
}
