package io.codegenagentlogs.core.api;

import java.io.Serializable;

/** The run metadata that comes with every logs page. Text fields are as sent and may be null. */
public final class RunInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long id;
    private final long organizationId;
    private final RunStatus status;
    private final String createdAt;
    private final String webUrl;
    private final String result;

    public RunInfo(long id, long organizationId, String status, String createdAt, String webUrl, String result) {
        this.id = id;
        this.organizationId = organizationId;
        this.status = RunStatus.of(status);
        this.createdAt = createdAt;
        this.webUrl = webUrl;
        this.result = result;
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public RunStatus status() {
        return status;
    }

    public String createdAt() {
        return createdAt;
    }

    /** The Codegen trace page, as sent: render it as a link only after {@link #safeWebUrl()}. */
    public String webUrl() {
        return webUrl;
    }

    /** {@link #webUrl()} when it is an http(s) URL, else null: agent-controlled text must not become a javascript: link. */
    public String safeWebUrl() {
        if (webUrl == null) {
            return null;
        }
        String t = webUrl.trim();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        boolean http = lower.startsWith("https://") || lower.startsWith("http://");
        return http && t.chars().noneMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c)) ? t : null;
    }

    public String result() {
        return result;
    }

    @Override
    public String toString() {
        return "run " + id + " (org " + organizationId + ", " + status + ")";
    }
}
