package io.github.commerceconnector.core.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Renders headers for the debug log from an allow-list: only headers known to carry no secret are shown;
 * authentication headers ({@code x-api-key}, {@code x-gw-signature}, {@code Authorization}) never are.
 */
final class HeaderLog {
    private static final Set<String> ALLOWED = Set.of("accept", "content-type", "content-encoding", "content-length",
            "user-agent", "retry-after", "date", "x-request-id", "x-requestid", "request-id", "x-correlation-id",
            "x-amzn-requestid", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");

    private HeaderLog() {
    }

    /** {@code {name=value, ...}} for the allowed headers; the others are left out. */
    static String render(Map<String, List<String>> headers) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        headers.forEach((name, values) -> {
            if (ALLOWED.contains(name.toLowerCase(Locale.ROOT))) {
                joiner.add(name.toLowerCase(Locale.ROOT) + "=" + String.join(",", values));
            }
        });
        return joiner.toString();
    }
}
