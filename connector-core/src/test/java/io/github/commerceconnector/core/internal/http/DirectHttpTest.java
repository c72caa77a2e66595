package io.github.commerceconnector.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import io.github.commerceconnector.core.testsupport.KeyPems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's own exchanges of requests with a body ({@link DirectHttp}), against a server on loopback that
 * answers with scripted bytes and counts the connections it is given.
 */
class DirectHttpTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}";

    private final UrlConnectionTransport transport = new UrlConnectionTransport(Duration.ofSeconds(2), null,
            () -> null);
    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        transport.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void postsGoOutOnceEachOverOneKeptConnection() throws IOException {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(OK));

        for (int i = 0; i < 3; i++) {
            TransportResponse response = transport.send(post("/feeds/" + i, "{\"n\":" + i + "}"), DEADLINE);
            assertEquals(200, response.statusCode());
            assertEquals("{}", new String(response.body(), StandardCharsets.UTF_8));
        }

        assertEquals(3, server.requests.size());
        assertEquals(1, server.connections.get(), "the three requests shared one connection");
    }

    @Test
    void theRequestCarriesItsLineHostLengthAndHeadersButNoHeaderTheClientOwns() throws IOException {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(OK));
        TransportRequest request = new TransportRequest("POST", server.uri("/feeds/v1/products?dry=1"),
                Map.of("Content-Type", List.of("application/json"), "X-Two", List.of("a", "b"),
                        "Content-Length", List.of("999"), "Connection", List.of("close"), "Host", List.of("evil")),
                "{\"sku\":\"a\"}".getBytes(StandardCharsets.UTF_8));

        transport.send(request, DEADLINE);

        Received received = server.requests.get(0);
        assertEquals("POST /feeds/v1/products?dry=1 HTTP/1.1", received.lines.get(0));
        assertTrue(received.lines.contains("Host: 127.0.0.1:" + server.port()), received.lines.toString());
        assertTrue(received.lines.contains("Content-Length: 11"), received.lines.toString());
        assertTrue(received.lines.contains("Content-Type: application/json"), received.lines.toString());
        assertTrue(received.lines.contains("X-Two: a") && received.lines.contains("X-Two: b"), received.lines.toString());
        assertFalse(received.lines.stream().anyMatch(line -> line.equals("Content-Length: 999")
                || line.equals("Connection: close") || line.equals("Host: evil")), received.lines.toString());
        assertArrayEquals("{\"sku\":\"a\"}".getBytes(StandardCharsets.UTF_8), received.body);
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeAnythingIsSent() {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(OK));
        TransportRequest injected = new TransportRequest("POST", server.uri("/feeds"),
                Map.of("X-Note", List.of("a\r\nX-Injected: yes")), new byte[] {'{', '}'});

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transport.send(injected, DEADLINE));

        assertTrue(refused.getMessage().contains("X-Note"), refused.getMessage());
        assertTrue(server.requests.isEmpty(), "nothing reached the server");
    }

    @Test
    void aChunkedReplyIsReadWholeAndTheConnectionKept() throws IOException {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(
                "HTTP/1.1 207 Multi-Status\r\nTransfer-Encoding: chunked\r\nX-Request-Id: r-1\r\n\r\n"
                        + "5;note=x\r\n{\"acc\r\n9\r\nepted\":2}\r\n0\r\nX-Trailer: t\r\n\r\n"));

        TransportResponse first = transport.send(post("/feeds", "[]"), DEADLINE);
        transport.send(post("/feeds", "[]"), DEADLINE);

        assertEquals(207, first.statusCode());
        assertEquals("{\"accepted\":2}", new String(first.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("r-1"), first.headers().get("x-request-id"), "headers are found in any case");
        assertEquals(1, server.connections.get());
    }

    @Test
    void aReplyWithoutALengthIsReadToTheEndOfItsConnectionWhichIsNotKept() throws IOException {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(),
                request -> Reply.close("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"all\":true}"));

        TransportResponse first = transport.send(post("/feeds", "[]"), DEADLINE);
        TransportResponse second = transport.send(post("/feeds", "[]"), DEADLINE);

        assertEquals("{\"all\":true}", new String(first.body(), StandardCharsets.UTF_8));
        assertEquals("{\"all\":true}", new String(second.body(), StandardCharsets.UTF_8));
        assertEquals(2, server.connections.get());
    }

    @Test
    void aLongReplyArrivesWhole() throws IOException {
        byte[] text = new byte[300_000];
        java.util.Arrays.fill(text, (byte) 'x');
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> new Reply(concat(
                ("HTTP/1.1 200 OK\r\nContent-Length: " + text.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                text), false, false));

        TransportResponse response = transport.send(post("/feeds", "[]"), DEADLINE);

        assertArrayEquals(text, response.body());
    }

    @Test
    void aReplyAskingToCloseEndsItsConnection() throws IOException {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"));

        transport.send(post("/feeds", "[]"), DEADLINE);
        transport.send(post("/feeds", "[]"), DEADLINE);

        assertEquals(2, server.connections.get());
    }

    @Test
    void aKeptConnectionTheServerClosedMeanwhileIsNotUsedAndNoRequestIsSentTwice() throws Exception {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keepThenClose(OK));

        transport.send(post("/feeds/1", "[]"), DEADLINE);
        server.awaitClosedConnections(1);
        TransportResponse second = transport.send(post("/feeds/2", "[]"), DEADLINE);

        assertEquals(200, second.statusCode());
        assertEquals(2, server.requests.size(), "each request arrived once");
        assertEquals(2, server.connections.get(), "the closed connection was left for a new one");
    }

    @Test
    void interimRepliesAreSkipped() throws IOException {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));

        TransportResponse response = transport.send(post("/feeds", "[]"), DEADLINE);

        assertEquals(202, response.statusCode());
        assertEquals(0, response.body().length);
    }

    @Test
    void aConnectionClosedBeforeAnyReplyFailsTheExchangeAndTheRequestIsNotSentAgain() {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.close(""));

        IOException failed = assertThrows(IOException.class, () -> transport.send(post("/feeds", "[]"), DEADLINE));

        assertTrue(failed.getMessage().contains("before a reply"), failed.getMessage());
        assertEquals(1, server.requests.size());
    }

    @Test
    void aReplyThatIsNotHttpOrEndsShortFails() {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> request.index == 0
                ? Reply.close("SSH-2.0-OpenSSH\r\n\r\n")
                : Reply.close("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}"));

        IOException notHttp = assertThrows(IOException.class, () -> transport.send(post("/a", "[]"), DEADLINE));
        IOException cut = assertThrows(IOException.class, () -> transport.send(post("/b", "[]"), DEADLINE));

        assertTrue(notHttp.getMessage().contains("not HTTP"), notHttp.getMessage());
        assertTrue(cut.getMessage().contains("8 bytes before the end"), cut.getMessage());
    }

    @Test
    void aGzippedReplyIsDecoded() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write("{\"items\":3}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = zipped.toByteArray();
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> new Reply(concat(
                ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1), body), false, false));

        TransportResponse response = transport.send(post("/feeds", "[]"), DEADLINE);

        assertEquals("{\"items\":3}", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void tlsIsSpokenWithTheHostNameChecked() throws Exception {
        KeyPair pair = KeyPems.rsa(0);
        X509Certificate certificate = localhostCertificate(pair);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", pair.getPrivate(), new char[] {'t'}, new Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[] {'t'});
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);
        server = ScriptedServer.start(serverTls.getServerSocketFactory(), request -> Reply.keep(OK), "https",
                "localhost");

        try (DirectHttp direct = new DirectHttp(clientTls::getSocketFactory)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(200, exchange(direct, post("/feeds", "[]")).statusCode());
            }
            assertEquals(1, server.connections.get(), "both requests went over one TLS connection");

            TransportRequest byAddress = new TransportRequest("POST", URI.create("https://127.0.0.1:" + server.port()
                    + "/feeds"), Map.of(), new byte[] {'[', ']'});
            assertThrows(SSLHandshakeException.class, () -> exchange(direct, byAddress),
                    "the certificate names localhost, not 127.0.0.1");
        }
        assertEquals(2, server.requests.size());
    }

    @Test
    void aDeadlineThatPassesAfterTheReplyLeavesTheKeptConnectionAlone() throws IOException {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(OK));
        try (DirectHttp direct = new DirectHttp(() -> {
            throw new IOException("no TLS here");
        })) {
            DirectHttp.Exchange first = direct.exchange(post("/feeds/1", "[]"), 2000,
                    System.nanoTime() + DEADLINE.toNanos(), () -> false);
            first.run();
            first.release();
            first.abort();

            assertEquals(200, exchange(direct, post("/feeds/2", "[]")).statusCode());
            assertEquals(1, server.connections.get(), "the late abort did not close the connection kept meanwhile");
        }
    }

    @Test
    void anExchangeEndedDuringItsReplyClosesItsConnectionInsteadOfKeepingIt() throws Exception {
        server = ScriptedServer.start(ServerSocketFactory.getDefault(), request -> Reply.keep(OK));
        try (DirectHttp direct = new DirectHttp(() -> {
            throw new IOException("no TLS here");
        })) {
            DirectHttp.Exchange ended = direct.exchange(post("/feeds/1", "[]"), 2000,
                    System.nanoTime() + DEADLINE.toNanos(), () -> false);
            ended.run();
            ended.abort();
            ended.release();

            assertEquals(0, direct.idleConnections(), "an ended exchange's connection is not kept");
            exchange(direct, post("/feeds/2", "[]"));
            assertEquals(2, server.connections.get());
        }
    }

    /** One exchange on a client, its connection given up afterwards as the transport does. */
    private static TransportResponse exchange(DirectHttp direct, TransportRequest request) throws IOException {
        DirectHttp.Exchange exchange = direct.exchange(request, 2000, System.nanoTime() + DEADLINE.toNanos(),
                () -> false);
        try {
            return exchange.run();
        } finally {
            exchange.release();
        }
    }

    private static X509Certificate localhostCertificate(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.TWO,
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
                pair.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private TransportRequest post(String path, String json) {
        return new TransportRequest("POST", server.uri(path), Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A request as the server read it: its head's lines and its body, and its place among all requests. */
    record Received(int index, List<String> lines, byte[] body) {
    }

    /**
     * What the server sends back: the bytes, then whether it closes the connection at once, or keeps it and
     * closes it shortly after (as a server whose keep-alive ran out).
     */
    record Reply(byte[] bytes, boolean closeNow, boolean closeSoon) {
        static Reply keep(String text) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), false, false);
        }

        static Reply close(String text) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), true, false);
        }

        static Reply keepThenClose(String text) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), false, true);
        }
    }

    /** A server on loopback that reads HTTP/1.1 requests with a Content-Length and answers from a script. */
    static final class ScriptedServer implements AutoCloseable {
        final List<Received> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger closedConnections = new AtomicInteger();
        private final ServerSocket socket;
        private final IntFunction<Reply> script;
        private final String scheme;
        private final String host;

        private ScriptedServer(ServerSocket socket, IntFunction<Reply> script, String scheme, String host) {
            this.socket = socket;
            this.script = script;
            this.scheme = scheme;
            this.host = host;
        }

        static ScriptedServer start(ServerSocketFactory factory, java.util.function.Function<Received, Reply> script) {
            return start(factory, script, "http", "127.0.0.1");
        }

        static ScriptedServer start(ServerSocketFactory factory, java.util.function.Function<Received, Reply> script,
                String scheme, String host) {
            try {
                ServerSocket socket = factory.createServerSocket(0, 16, InetAddress.getLoopbackAddress());
                ScriptedServer[] made = new ScriptedServer[1];
                made[0] = new ScriptedServer(socket, index -> script.apply(made[0].requests.get(index)), scheme, host);
                Thread acceptor = new Thread(made[0]::accept, "scripted-server");
                acceptor.setDaemon(true);
                acceptor.start();
                return made[0];
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        URI uri(String path) {
            return URI.create(scheme + "://" + host + ":" + port() + path);
        }

        void awaitClosedConnections(int count) throws InterruptedException {
            long until = System.nanoTime() + 5_000_000_000L;
            while (closedConnections.get() < count && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    Thread serving = new Thread(() -> serve(connection), "scripted-connection");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = connection.getInputStream();
                OutputStream out = connection.getOutputStream();
                while (true) {
                    Received received = read(in);
                    if (received == null) {
                        return;
                    }
                    requests.add(received);
                    Reply reply = script.apply(received.index);
                    out.write(reply.bytes);
                    out.flush();
                    if (reply.closeNow) {
                        return;
                    }
                    if (reply.closeSoon) {
                        Thread.sleep(20);
                        return;
                    }
                }
            } catch (IOException | InterruptedException ended) {
                // the client went away, or the test ended
            } finally {
                closedConnections.incrementAndGet();
            }
        }

        private Received read(InputStream in) throws IOException {
            List<String> lines = new java.util.ArrayList<>();
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return null;
                }
                if (c == '\n') {
                    String text = line.toString().replace("\r", "");
                    line.setLength(0);
                    if (text.isEmpty()) {
                        break;
                    }
                    lines.add(text);
                } else {
                    line.append((char) c);
                }
            }
            int length = lines.stream().filter(header -> header.toLowerCase().startsWith("content-length:"))
                    .map(header -> Integer.parseInt(header.substring(15).trim())).findFirst().orElse(0);
            return new Received(requests.size(), List.copyOf(lines), in.readNBytes(length));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
