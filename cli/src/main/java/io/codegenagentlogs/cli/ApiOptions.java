package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.BaseUrls;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.Durations;
import io.codegenagentlogs.core.api.Ids;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.core.watch.WatchOptions;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that follows a run ({@code gate}, {@code logs}): which run, where
 * the API is, how to pace and bound the watch. Values come as text and are checked by the core's
 * parsers, so that every mistake is one line that names the option.
 */
final class ApiOptions {
    static final String ENV_TOKEN = "CODEGEN_API_TOKEN";
    static final String ENV_ORG = "CODEGEN_ORG_ID";
    static final String ENV_BASE_URL = "CODEGEN_API_BASE_URL";

    @Option(names = "--org", paramLabel = "ID", order = 2,
            description = "The organization the run belongs to (numeric). Default: the " + ENV_ORG
                    + " environment variable.")
    String org;

    @Option(names = "--base-url", paramLabel = "URL", order = 3,
            description = "The Codegen API. Default: the " + ENV_BASE_URL + " environment variable, else "
                    + BaseUrls.DEFAULT + " . It must be https, or plain http to this machine only (localhost, "
                    + "127.0.0.1, [::1]): a token never travels unencrypted.")
    String baseUrl;

    @Option(names = "--token-file", paramLabel = "FILE", order = 4,
            description = "Read the API token from FILE (its only content; surrounding whitespace is ignored) "
                    + "instead of the " + ENV_TOKEN + " environment variable. There is no option that takes "
                    + "the token itself: command lines end up in shell histories and process lists.")
    String tokenFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60m", order = 20,
            description = "Give up when the run has not ended after this long (500ms, 10s, 60m, 2h; a bare "
                    + "number is seconds). Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "10s", order = 21,
            description = "How long to wait before asking again once every log entry so far has been fetched. "
                    + "Pages are fetched back to back while there are more. Default: ${DEFAULT-VALUE}.")
    String pollInterval;

    @Option(names = "--max-outage", paramLabel = "DURATION", defaultValue = "10m", order = 23,
            description = "How long the API may keep failing (HTTP 5xx or 408, resets, timeouts, answers cut short) after "
                    + "it has answered once, before the watch gives up with exit 3; failed requests are retried with "
                    + "growing waits meanwhile. --timeout still bounds it; 429s are waited out whatever it says. Before "
                    + "the first good answer, a wrong host, port, TLS setup, token or id fails at once. "
                    + "Default: ${DEFAULT-VALUE}.")
    String maxOutage;

    @Option(names = "--rate-limit", paramLabel = "N/WINDOW", defaultValue = "60/60s", order = 22,
            description = "At most N requests in any WINDOW, shared by every watcher of the same token in "
                    + "this process (Codegen allows 60 per 60 s per token). Default: ${DEFAULT-VALUE}.")
    String rateLimit;

    @Mixin
    VerboseOption verbosity;

    boolean verbose() {
        return verbosity != null && verbosity.verbose;
    }

    /** The options, checked and parsed: everything a command needs but the token. */
    record Parsed(long runId, long orgId, String baseUrl, WatchOptions watchOptions, RateLimit rateLimit) {
    }

    /**
     * Checks and parses everything but the token, in a fixed order, so that a bad option is reported
     * before a missing token.
     *
     * @param runOption the command's {@code --run}, or null for a run not made yet (0)
     */
    Parsed parse(CliContext ctx, RunIdOption runOption) {
        long run = runOption == null ? 0 : runOption.runId();
        long org = orgId(ctx);
        String url = baseUrl(ctx);
        WatchOptions watch = watchOptions();
        return new Parsed(run, org, url, watch, rateLimit());
    }

    /** The API client for parsed options; resolves the token (so call it after {@link #parse}). */
    CodegenApiClient client(CliContext ctx, Parsed options) {
        return CodegenApiClient.builder()
                .baseUrl(options.baseUrl())
                .token(Tokens.resolve(ctx, tokenFile))
                .rateLimit(options.rateLimit())
                .userAgent("codegen-agent-logs-cli/" + VersionProvider.version())
                .build();
    }

    private long orgId(CliContext ctx) {
        String value = org != null ? org : ctx.env(ENV_ORG);
        if (value == null) {
            throw CliException.usage("No organization id given", "Pass --org ID or set " + ENV_ORG);
        }
        try {
            return Ids.parse(org != null ? "organization id (--org)" : "organization id (" + ENV_ORG + ")", value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e);
        }
    }

    private String baseUrl(CliContext ctx) {
        String value = baseUrl != null ? baseUrl : ctx.env(ENV_BASE_URL);
        String text = value == null ? BaseUrls.DEFAULT : value;
        try {
            BaseUrls.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            String source = baseUrl != null ? "--base-url" : ENV_BASE_URL;
            throw CliException.usage(new IllegalArgumentException(source + ": " + e.getMessage(), e));
        }
    }

    private WatchOptions watchOptions() {
        Duration poll = duration("--poll-interval", pollInterval);
        Duration t = duration("--timeout", timeout);
        Duration outage;
        try {
            outage = Durations.parse(maxOutage);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(new IllegalArgumentException("--max-outage: " + e.getMessage(), e));
        }
        return WatchOptions.builder().timeout(t).pollInterval(poll).maxOutage(outage).build();
    }

    static Duration duration(String option, String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(new IllegalArgumentException(option + ": " + e.getMessage(), e));
        }
        if (d.isZero()) {
            throw CliException.usage(option + " must be longer than zero, got '" + text + "'",
                    "Pass e.g. " + option + " 10s");
        }
        return d;
    }

    private RateLimit rateLimit() {
        try {
            return RateLimit.parse(rateLimit);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--rate-limit: " + e.getMessage(), "Pass e.g. --rate-limit 60/60s (requests/window)");
        }
    }
}
