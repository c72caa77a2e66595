package io.github.commerceconnector.testkit.internal.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests: request line, headers, {@code Expect: 100-continue}, and bodies sent with
 * {@code Content-Length} or chunked. Hand-written (rather than the JDK's {@code HttpServer}) because the
 * fake gateway must also reset connections and write garbage, which needs the raw socket.
 */
final class HttpCodec {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private HttpCodec() {
    }

    /**
     * Reads one request.
     *
     * @param in      the connection's input
     * @param out     the connection's output, for {@code 100 Continue}
     * @param maxBody the largest body accepted
     * @return the request, or {@code null} when the peer closed the connection before a new request
     * @throws MalformedRequestException for input that is not an acceptable HTTP request
     * @throws IOException on a read failure or an early end of stream inside a request
     */
    static WireRequest read(InputStream in, OutputStream out, int maxBody) throws IOException, MalformedRequestException {
        String requestLine = readLine(in, true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in, true);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequestException(400, "The request line is not 'METHOD target HTTP/1.1'");
        }
        Map<String, List<String>> headers = readHeaders(in);
        String method = parts[0].toUpperCase(Locale.ROOT);
        String target = parts[1];
        int query = target.indexOf('?');
        String rawPath = query < 0 ? target : target.substring(0, query);
        if (rawPath.startsWith("http://") || rawPath.startsWith("https://")) {
            int slash = rawPath.indexOf('/', rawPath.indexOf("//") + 2);
            rawPath = slash < 0 ? "/" : rawPath.substring(slash);
        }
        WireRequest head = new WireRequest(method, decodePath(rawPath), query < 0 ? null : target.substring(query + 1),
                parts[2], headers, new byte[0]);
        String expect = head.header("expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = readBody(in, head, maxBody);
        return new WireRequest(method, head.path(), head.query(), head.version(), headers, body);
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException, MalformedRequestException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in, false);
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new MalformedRequestException(431, "More than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequestException(400, "A header line has no name");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).strip());
        }
    }

    private static byte[] readBody(InputStream in, WireRequest head, int maxBody)
            throws IOException, MalformedRequestException {
        String transferEncoding = head.header("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in, maxBody);
        }
        String length = head.header("content-length");
        if (length == null) {
            return new byte[0];
        }
        long size;
        try {
            size = Long.parseLong(length.strip());
        } catch (NumberFormatException notANumber) {
            throw new MalformedRequestException(400, "Content-Length is not a number");
        }
        if (size < 0) {
            throw new MalformedRequestException(400, "Content-Length is negative");
        }
        if (size > maxBody) {
            throw new MalformedRequestException(413, "The body has " + size + " bytes; at most " + maxBody
                    + " are accepted");
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw new EOFException("The connection closed inside the request body");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in, int maxBody) throws IOException, MalformedRequestException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int extension = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
            } catch (NumberFormatException notHex) {
                throw new MalformedRequestException(400, "A chunk size is not hexadecimal");
            }
            if (size == 0) {
                skipTrailers(in);
                return body.toByteArray();
            }
            if (size < 0 || body.size() + (long) size > maxBody) {
                throw new MalformedRequestException(413, "The chunked body exceeds " + maxBody + " bytes");
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("The connection closed inside a chunk");
            }
            body.write(chunk);
            readLine(in, false);
        }
    }

    private static void skipTrailers(InputStream in) throws IOException, MalformedRequestException {
        String trailer;
        do {
            trailer = readLine(in, false);
        } while (!trailer.isEmpty());
    }

    /** A line without its CRLF or LF; {@code null} at end of stream only when {@code eofAllowed}. */
    private static String readLine(InputStream in, boolean eofAllowed) throws IOException, MalformedRequestException {
        byte[] line = new byte[128];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && length == 0) {
                    return null;
                }
                throw new EOFException("The connection closed inside the request head");
            }
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (length >= MAX_LINE) {
                throw new MalformedRequestException(431, "A request line or header is longer than " + MAX_LINE
                        + " bytes");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = (byte) b;
        }
    }

    /** The path's segments percent-decoded; a bad escape ({@code %zz}, a lone {@code %}) is a 400. */
    private static String decodePath(String rawPath) throws MalformedRequestException {
        StringBuilder path = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (path.length() > 0) {
                path.append('/');
            }
            try {
                path.append(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                throw new MalformedRequestException(400, "A path segment with a bad percent escape: " + segment);
            }
        }
        return path.toString();
    }
}
