package io.github.commerceconnector.testkit.internal.account;

import java.util.Map;

/** The reason phrases the fake gateway writes in status lines and in the {@code statusText} of errors. */
public final class HttpStatusTexts {
    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(204, "No Content"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(411, "Length Required"),
            Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private HttpStatusTexts() {
    }

    /** The reason phrase of a status, or a generic one for statuses without a well-known phrase. */
    public static String of(int status) {
        String text = TEXTS.get(status);
        if (text != null) {
            return text;
        }
        return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status " + status;
    }
}
