package io.github.commerceconnector.testkit.internal.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as read off the socket.
 *
 * @param method  the method, upper case
 * @param path    the decoded path without the leading {@code /} and without the query
 * @param query   the raw query, or {@code null}
 * @param version the protocol, e.g. {@code HTTP/1.1}
 * @param headers header names in lower case to their values, in arrival order
 * @param body    the body as received (still content-encoded)
 */
record WireRequest(String method, String path, String query, String version, Map<String, List<String>> headers,
        byte[] body) {

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the connection stays open after the reply. */
    boolean keepAlive() {
        String connection = header("connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            return false;
        }
        return !"HTTP/1.0".equals(version) || (connection != null
                && connection.toLowerCase(Locale.ROOT).contains("keep-alive"));
    }

    /** Shows method and path only: headers carry signatures. */
    @Override
    public String toString() {
        return "WireRequest[" + method + " /" + path + ", " + body.length + " bytes]";
    }
}
