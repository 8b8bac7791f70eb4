package io.codegenagentlogs.simulator;

import java.util.List;

/** The error bodies of Codegen's API, in its two shapes: {message, status_code} and FastAPI's {detail}. */
final class ErrorBodies {
    static final String ROUTE_NOT_FOUND = "{\"detail\":\"Not Found\"}";
    static final String MISSING_TOKEN = message("Invalid or missing API token.", 401);
    static final String FORBIDDEN = message("You do not have access to this organization.", 403);
    static final String RUN_NOT_FOUND = message("Agent run not found.", 404);
    static final String RATE_LIMITED = message("Rate limit exceeded. Please try again later.", 429);

    /** One FastAPI/pydantic validation problem; {@code ctx} is raw JSON or null. */
    record Problem(String type, String where, String name, String msg, String input, String ctx) {
    }

    private ErrorBodies() {
    }

    /** The body an injected status fault answers with. */
    static String forStatus(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 402 -> "Payment required: no credits left for agent runs";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Simulated error";
        };
        return message(reason, status);
    }

    static String message(String message, int status) {
        return "{\"message\":" + Json.quote(message) + ",\"status_code\":" + status + "}";
    }

    /** HTTPValidationError with pydantic v2's fields, in its order. */
    static String validation(List<Problem> problems) {
        StringBuilder body = new StringBuilder("{\"detail\":[");
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            body.append(i == 0 ? "" : ",")
                    .append("{\"type\":").append(Json.quote(p.type()))
                    .append(",\"loc\":[").append(Json.quote(p.where())).append(',').append(Json.quote(p.name()))
                    .append("],\"msg\":").append(Json.quote(p.msg()))
                    .append(",\"input\":").append(Json.quote(p.input()));
            if (p.ctx() != null) {
                body.append(",\"ctx\":").append(p.ctx());
            }
            body.append('}');
        }
        return body.append("]}").toString();
    }
}
