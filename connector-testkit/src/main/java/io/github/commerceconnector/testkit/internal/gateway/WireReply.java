package io.github.commerceconnector.testkit.internal.gateway;

import io.github.commerceconnector.testkit.internal.account.HttpStatusTexts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP reply of the fake gateway: status, headers, and a JSON body.
 *
 * @param status  the HTTP status
 * @param headers extra headers ({@code x-request-id}, {@code Retry-After}); content headers are added
 * @param body    the body bytes
 */
record WireReply(int status, Map<String, String> headers, byte[] body) {

    /** A JSON reply. */
    static WireReply json(int status, String requestId, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", requestId);
        return new WireReply(status, headers, body);
    }

    /** A copy with one more header. */
    WireReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WireReply(status, copy, body);
    }

    /** The status line and headers, announcing the body's length. */
    byte[] head(boolean close) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                .append(HttpStatusTexts.of(status)).append("\r\n");
        head.append("Content-Type: application/json\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (close) {
            head.append("Connection: close\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes the whole reply at once. */
    void writeTo(OutputStream out, boolean close) throws IOException {
        out.write(head(close));
        out.write(body);
        out.flush();
    }

    @Override
    public String toString() {
        return "WireReply[" + status + ", " + body.length + " bytes]";
    }
}
