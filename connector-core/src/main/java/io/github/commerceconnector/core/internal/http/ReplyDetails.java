package io.github.commerceconnector.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.internal.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a gateway reply says about itself: its request id (from a header such as {@code x-request-id}, or the
 * body's {@code requestId}), its error message and error code, read from the known error shapes
 * {@code {"message":...,"statusText":...,"requestId":...}} and {@code {"error":{"message":...,"code":...}}}.
 *
 * @param requestId the request id, or null
 * @param message   the gateway's error message, cleaned of control characters and of any token it quotes back (a
 *                  JWT, a bearer token), and shortened; or null
 * @param errorCode the gateway's error code or status text, or null
 */
public record ReplyDetails(String requestId, String message, String errorCode) {
    /** Reply headers that carry the gateway's request id, most specific first. */
    static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "x-requestid", "request-id",
            "x-correlation-id", "x-amzn-requestid");
    private static final int MAX_MESSAGE = 200;
    /** A JWT (the gateway signature, an IMS access token) quoted back by a reply. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*)?");
    /** A bearer token quoted back by a reply. */
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer)\\s+[A-Za-z0-9._~+/=-]+");

    /** Reads the details of a reply; never fails, whatever the body. */
    public static ReplyDetails of(TransportResponse response) {
        Optional<JsonNode> body = Json.tryParse(response.body()).filter(JsonNode::isObject);
        String requestId = requestIdFromHeaders(response);
        String message = null;
        String errorCode = null;
        if (body.isPresent()) {
            JsonNode root = body.get();
            JsonNode error = root.get("error");
            if (requestId == null) {
                requestId = firstText(root, "requestId", "request_id");
            }
            message = firstText(root, "message", "error_description");
            errorCode = firstText(root, "code", "statusText");
            if (error != null && error.isObject()) {
                message = message != null ? message : Json.text(error, "message");
                errorCode = errorCode != null ? errorCode : Json.text(error, "code");
            } else if (error != null && error.isTextual() && errorCode == null) {
                errorCode = error.asText();
            }
        }
        return new ReplyDetails(clean(requestId), clean(message), clean(errorCode));
    }

    /** The request id from the reply headers only, or null. */
    static String requestIdFromHeaders(TransportResponse response) {
        for (String name : REQUEST_ID_HEADERS) {
            String value = response.header(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = Json.text(node, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String masked = BEARER.matcher(JWT.matcher(value).replaceAll("<token>")).replaceAll("$1 <token>");
        String printable = masked.replaceAll("\\p{Cntrl}", " ").strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() <= MAX_MESSAGE ? printable : printable.substring(0, MAX_MESSAGE) + "...";
    }
}
