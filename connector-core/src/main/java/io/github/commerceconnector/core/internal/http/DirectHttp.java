package io.github.commerceconnector.core.internal.http;

import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Blocking HTTP/1.1 exchanges of requests with a body ({@code POST}, {@code PUT}) on connections of its own, for
 * {@link UrlConnectionTransport} when no proxy is in the way.
 *
 * <p>Why not {@code HttpURLConnection} for these: before it reuses a kept-alive connection for a streamed
 * {@code POST}, it probes the connection with a read that waits a millisecond for nothing and ends in a {@link
 * SocketTimeoutException} ({@code sun.net.www.http.HttpClient#available}), on every request. A sync sends its
 * batches two at a time, so that millisecond was most of a request's time on a nearby gateway: measured in a full
 * sync of 1,000,000 products on loopback, about 20% more items a second and 9% less CPU without it
 * ({@code BENCHMARKS.md}). And a buffered body, which skips the probe, may be sent again by {@code HttpURLConnection}
 * behind the caller's back, which the transport never allows.
 *
 * <p>What it does: one request per exchange, never sent twice; the reply read whole (by its length, chunked, or
 * to the end of the connection); a connection kept for the next request only after a whole, delimited reply that
 * did not ask to close it, at most {@value #MAX_IDLE_PER_ORIGIN} idle per origin for at most
 * {@value #MAX_IDLE_SECONDS} seconds. Before reuse a connection is checked with a read that does not wait: one the
 * server closed, or that holds bytes nobody asked for, is closed instead. TLS takes the JDK's default context with
 * its host name check ({@code HTTPS} endpoint identification). Neither cookies nor an {@code Authenticator} of the
 * application's take part. Thread-safe.
 */
final class DirectHttp implements Closeable {
    static final int MAX_IDLE_PER_ORIGIN = 8;
    static final int MAX_IDLE_SECONDS = 30;
    /** The methods that carry a request body. */
    static final Set<String> WITH_BODY = Set.of("POST", "PUT");
    /**
     * Hop-by-hop headers never passed on, beyond those {@link TransportRules#passesOn} keeps back: this client
     * frames the body with its length itself.
     */
    private static final Set<String> HOP_BY_HOP = Set.of("transfer-encoding", "te", "trailer", "keep-alive",
            "proxy-connection");
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADER_LINES = 512;

    private final TlsSockets tls;
    private final Map<String, Deque<Connection>> idle = new HashMap<>();
    private boolean closed;

    /** Makes the TLS layer of a connection; the transport's is {@code SSLContext.getDefault()}'s. */
    @FunctionalInterface
    interface TlsSockets {
        /** The socket factory, asked once per new {@code https} connection. */
        SSLSocketFactory factory() throws IOException;
    }

    DirectHttp(TlsSockets tls) {
        this.tls = tls;
    }

    /** Whether a request is for this client: a method with a body, to an {@code http} or {@code https} URI. */
    static boolean handles(TransportRequest request) {
        String scheme = request.uri().getScheme();
        return WITH_BODY.contains(request.method()) && request.uri().getHost() != null
                && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    }

    /**
     * A new exchange for one request. Nothing is sent before {@link Exchange#run}.
     *
     * @param connectMillis how long opening a connection (and its TLS handshake) may take
     * @param stopped       whether the transport was closed, asked between the reads of a reply's body
     */
    Exchange exchange(TransportRequest request, int connectMillis, long deadlineAt, BooleanSupplier stopped) {
        return new Exchange(request, connectMillis, deadlineAt, stopped);
    }

    /** Closes the idle connections; the exchanges in progress end by their transport's close. Idempotent. */
    @Override
    public void close() {
        List<Connection> all = new ArrayList<>();
        synchronized (idle) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(Connection::close);
    }

    /** The idle connections kept, for tests. */
    int idleConnections() {
        synchronized (idle) {
            return idle.values().stream().mapToInt(Deque::size).sum();
        }
    }

    private Connection reuse(String origin) {
        while (true) {
            Connection connection;
            synchronized (idle) {
                Deque<Connection> kept = idle.get(origin);
                connection = kept == null ? null : kept.pollLast();
            }
            if (connection == null) {
                return null;
            }
            if (System.nanoTime() - connection.idleSince < TimeUnit.SECONDS.toNanos(MAX_IDLE_SECONDS)
                    && connection.stillOpen()) {
                return connection;
            }
            connection.close();
        }
    }

    private void keep(Connection connection) {
        connection.idleSince = System.nanoTime();
        Connection dropped = null;
        synchronized (idle) {
            if (closed) {
                dropped = connection;
            } else {
                Deque<Connection> kept = idle.computeIfAbsent(connection.origin, origin -> new ArrayDeque<>());
                kept.addLast(connection);
                if (kept.size() > MAX_IDLE_PER_ORIGIN) {
                    dropped = kept.pollFirst();
                }
            }
        }
        if (dropped != null) {
            dropped.close();
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** One request on one connection; {@link #abort} (the deadline's watchdog, the transport's close) ends it. */
    final class Exchange {
        private final TransportRequest request;
        private final int connectMillis;
        private final long deadlineAt;
        private final BooleanSupplier stopped;
        /** The exchange's connection, once it has one; with the flags below, guarded by the exchange. */
        private Connection connection;
        private boolean aborted;
        private boolean reusable;
        private boolean released;

        private Exchange(TransportRequest request, int connectMillis, long deadlineAt, BooleanSupplier stopped) {
            this.request = request;
            this.connectMillis = connectMillis;
            this.deadlineAt = deadlineAt;
            this.stopped = stopped;
        }

        /**
         * Ends the exchange at once by closing its connection, so that a read or write in progress fails; does
         * nothing once the exchange has {@link #release released} its connection (kept for another request).
         */
        synchronized void abort() {
            aborted = true;
            if (!released && connection != null) {
                connection.close();
            }
        }

        /**
         * Gives the connection up, after {@link #run} and after the deadline's watchdog was cancelled: kept for
         * another request when the reply was whole and allows it and nothing ended the exchange, closed otherwise.
         */
        synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            if (connection == null) {
                return;
            }
            if (reusable && !aborted) {
                keep(connection);
            } else {
                connection.close();
            }
        }

        /** Sends the request once and reads the whole reply; {@link #release} then gives the connection up. */
        TransportResponse run() throws IOException {
            URI uri = request.uri();
            Connection current = reuse(origin(uri));
            if (current == null) {
                current = open(uri);
            }
            synchronized (this) {
                connection = current;
                if (aborted) {
                    throw new IOException("The exchange was ended before it began");
                }
            }
            current.socket.setSoTimeout(millisLeft());
            byte[] head = head(uri);
            byte[] body = request.body();
            byte[] whole = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, whole, head.length, body.length);
            current.out.write(whole);
            current.out.flush();
            Reply reply = read(current);
            synchronized (this) {
                reusable = reply.reusable;
            }
            return reply.response;
        }

        private Connection open(URI uri) throws IOException {
            SocketChannel channel = SocketChannel.open();
            try {
                Socket plain = channel.socket();
                plain.setTcpNoDelay(true);
                try {
                    plain.connect(new InetSocketAddress(uri.getHost(), port(uri)), connectMillis);
                } catch (SocketTimeoutException slow) {
                    HttpConnectTimeoutException notConnected = new HttpConnectTimeoutException("No connection to "
                            + uri.getHost() + " within " + connectMillis + " ms");
                    notConnected.initCause(slow);
                    throw notConnected;
                }
                Socket socket = plain;
                if ("https".equalsIgnoreCase(uri.getScheme())) {
                    socket = handshake(plain, uri);
                }
                return new Connection(origin(uri), channel, socket);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        private Socket handshake(Socket plain, URI uri) throws IOException {
            SSLSocket socket = (SSLSocket) tls.factory().createSocket(plain, uri.getHost(), port(uri), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(connectMillis);
            try {
                socket.startHandshake();
            } catch (SocketTimeoutException slow) {
                HttpConnectTimeoutException notConnected = new HttpConnectTimeoutException("No TLS connection to "
                        + uri.getHost() + " within " + connectMillis + " ms");
                notConnected.initCause(slow);
                throw notConnected;
            }
            return socket;
        }

        /** The request line and headers, ending with the blank line. */
        private byte[] head(URI uri) {
            StringBuilder head = new StringBuilder(512);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            head.append(request.method()).append(' ').append(path);
            if (uri.getRawQuery() != null) {
                head.append('?').append(uri.getRawQuery());
            }
            head.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
            if (uri.getPort() >= 0) {
                head.append(':').append(uri.getPort());
            }
            head.append("\r\n");
            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                String name = header.getKey();
                if (!TransportRules.passesOn(name) || HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (String value : header.getValue()) {
                    checkHeader(name, value);
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            }
            head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
            return head.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private Reply read(Connection current) throws IOException {
            ReplyReader in = current.in;
            while (true) {
                String statusLine = in.line();
                if (statusLine == null) {
                    throw new IOException("The connection closed before a reply arrived");
                }
                int status = status(statusLine);
                Map<String, List<String>> headers = headers(in);
                if (status >= 100 && status < 200) {
                    continue;
                }
                byte[] body;
                boolean delimited = true;
                String length = first(headers, "Content-Length");
                if (status == 204 || status == 304) {
                    body = new byte[0];
                } else if (contains(headers, "Transfer-Encoding", "chunked")) {
                    body = chunked(in);
                } else if (length != null) {
                    body = fixed(in, contentLength(length));
                } else {
                    body = toEnd(in);
                    delimited = false;
                }
                boolean reusable = delimited && statusLine.startsWith("HTTP/1.1")
                        && !contains(headers, "Connection", "close") && !in.hasBuffered();
                return new Reply(new TransportResponse(status, headers,
                        TransportRules.decode(body, first(headers, "Content-Encoding"))), reusable);
            }
        }

        private byte[] fixed(ReplyReader in, int length) throws IOException {
            Body body = new Body(Math.min(length, 64 * 1024));
            body.readExactly(in, length);
            return body.bytes();
        }

        private byte[] chunked(ReplyReader in) throws IOException {
            Body body = new Body(8192);
            while (true) {
                String sizeLine = in.line();
                if (sizeLine == null) {
                    throw new IOException("The connection closed inside a chunked reply");
                }
                int cut = sizeLine.indexOf(';');
                int size = chunkSize((cut < 0 ? sizeLine : sizeLine.substring(0, cut)).trim());
                if (size == 0) {
                    while (true) {
                        String trailer = in.line();
                        if (trailer == null || trailer.isEmpty()) {
                            return body.bytes();
                        }
                    }
                }
                body.readExactly(in, size);
                String end = in.line();
                if (end == null || !end.isEmpty()) {
                    throw new IOException("A chunk of the reply does not end where its size says");
                }
            }
        }

        private byte[] toEnd(ReplyReader in) throws IOException {
            Body body = new Body(8192);
            body.readToEnd(in);
            return body.bytes();
        }

        /**
         * A reply's body as it arrives: its buffer grows with the bytes read, never ahead of them on a length the
         * reply announced, and the deadline and the transport's close are checked between two reads.
         */
        private final class Body {
            private byte[] buffer;
            private int length;

            Body(int initialCapacity) {
                buffer = new byte[Math.max(1, initialCapacity)];
            }

            void readExactly(ReplyReader in, int count) throws IOException {
                for (int left = count; left > 0;) {
                    int read = in.read(room(), length, Math.min(left, buffer.length - length));
                    if (read < 0) {
                        throw new IOException("The connection closed " + left + " bytes before the end of the "
                                + "reply's body");
                    }
                    length += read;
                    left -= read;
                    checkProgress();
                }
            }

            void readToEnd(ReplyReader in) throws IOException {
                for (int read; (read = in.read(room(), length, buffer.length - length)) >= 0;) {
                    length += read;
                    checkProgress();
                }
            }

            /** The buffer, doubled first when it is full. */
            private byte[] room() {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                return buffer;
            }

            byte[] bytes() {
                return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            }
        }

        /** Between two reads of a body: the deadline and the transport's close end the exchange. */
        private void checkProgress() throws IOException {
            if (System.nanoTime() - deadlineAt >= 0) {
                throw new IOException("The deadline passed while the body was arriving");
            }
            if (stopped.getAsBoolean()) {
                throw new IOException("The transport was closed while the body was arriving");
            }
        }

        private int millisLeft() {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineAt - System.nanoTime());
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
        }
    }

    private static void checkHeader(String name, String value) {
        boolean token = !name.isEmpty();
        for (int i = 0; i < name.length() && token; i++) {
            char c = name.charAt(i);
            token = c > ' ' && c != ':' && c < 0x7f;
        }
        if (!token) {
            throw new IllegalArgumentException("Header name '" + name + "' is not a valid HTTP token");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c > 0xff) {
                throw new IllegalArgumentException("The value of header " + name + " holds a line break or a "
                        + "character beyond ISO-8859-1");
            }
        }
    }

    private static int status(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (!statusLine.startsWith("HTTP/") || parts.length < 2 || parts[1].length() != 3) {
            throw new IOException("The reply is not HTTP: no status line");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("The reply is not HTTP: no status code in its status line", e);
        }
    }

    private static Map<String, List<String>> headers(ReplyReader in) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int lines = 0;; lines++) {
            String line = in.line();
            if (line == null) {
                throw new IOException("The connection closed inside the reply's headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || lines >= MAX_HEADER_LINES) {
                throw new IOException("The reply has a malformed header line or too many headers");
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean contains(Map<String, List<String>> headers, String name, String token) {
        List<String> values = headers.get(name);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (part.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int contentLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new IOException("The reply's Content-Length is out of range: " + value);
            }
            return (int) length;
        } catch (NumberFormatException e) {
            throw new IOException("The reply's Content-Length is not a number: " + value, e);
        }
    }

    private static int chunkSize(String hex) throws IOException {
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0 || size > Integer.MAX_VALUE - 8) {
                throw new IOException("A chunk size of the reply is out of range: " + hex);
            }
            return (int) size;
        } catch (NumberFormatException e) {
            throw new IOException("A chunk size of the reply is not hexadecimal: " + hex, e);
        }
    }

    private record Reply(TransportResponse response, boolean reusable) {
    }

    /** An open connection: its channel (for the check before reuse) and the socket that carries the bytes. */
    private static final class Connection {
        private final String origin;
        private final SocketChannel channel;
        private final Socket socket;
        private final OutputStream out;
        private final ReplyReader in;
        private long idleSince;

        Connection(String origin, SocketChannel channel, Socket socket) throws IOException {
            this.origin = origin;
            this.channel = channel;
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new ReplyReader(socket.getInputStream());
        }

        /**
         * Whether an idle connection can carry a request: a read that does not wait finds neither the end of the
         * stream (the server closed it) nor a byte (nothing is owed on an idle connection).
         */
        boolean stillOpen() {
            try {
                channel.configureBlocking(false);
                int read = channel.read(ByteBuffer.allocate(1));
                channel.configureBlocking(true);
                return read == 0;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection that failed; nothing more to do with it
            }
            try {
                channel.close();
            } catch (IOException e) {
                // as above
            }
        }
    }

    /** Reads a reply: lines of its head (ISO-8859-1, ending in CRLF or LF) and bytes of its body, buffered. */
    private static final class ReplyReader {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        ReplyReader(InputStream in) {
            this.in = in;
        }

        boolean hasBuffered() {
            return position < limit;
        }

        /** The next line without its end, or {@code null} at the end of the stream before any byte of it. */
        String line() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position == limit && !fill()) {
                    if (line == null) {
                        return null;
                    }
                    throw new IOException("The connection closed inside a line of the reply's head");
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (line == null) {
                    line = new StringBuilder(Math.max(16, position - start));
                }
                line.append(new String(buffer, start, position - start, StandardCharsets.ISO_8859_1));
                if (line.length() > MAX_LINE) {
                    throw new IOException("A line of the reply's head is longer than " + MAX_LINE + " bytes");
                }
                if (position < limit) {
                    position++;
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
            }
        }

        int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position < limit) {
                int count = Math.min(length, limit - position);
                System.arraycopy(buffer, position, into, offset, count);
                position += count;
                return count;
            }
            return in.read(into, offset, length);
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }
    }
}
