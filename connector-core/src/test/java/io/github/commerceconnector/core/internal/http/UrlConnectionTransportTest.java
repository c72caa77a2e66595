package io.github.commerceconnector.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.api.spi.TransportRequest;
import io.github.commerceconnector.api.spi.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default transport of a client without a runtime, against WireMock on loopback. */
class UrlConnectionTransportTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @RegisterExtension
    static WireMockExtension wiremock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final AtomicInteger otherTransportsMade = new AtomicInteger();
    private final UrlConnectionTransport transport = new UrlConnectionTransport(Duration.ofSeconds(2), null, () -> {
        otherTransportsMade.incrementAndGet();
        return new JdkHttpTransport(Duration.ofSeconds(2), null, HttpClient.Version.HTTP_1_1);
    });

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void aPostCarriesItsBodyAndHeadersAndTheWholeReplyComesBack() throws IOException {
        wiremock.stubFor(post("/feeds").willReturn(aResponse().withStatus(207).withHeader("X-Request-Id", "r-1")
                .withBody("{\"accepted\":2}")));
        byte[] body = "[{\"sku\":\"a\"},{\"sku\":\"b\"}]".getBytes(StandardCharsets.UTF_8);

        TransportResponse response = transport.send(request("POST", "/feeds", body), DEADLINE);

        assertEquals(207, response.statusCode());
        assertEquals(List.of("r-1"), response.headers().get("x-request-id"));
        assertEquals("{\"accepted\":2}", new String(response.body(), StandardCharsets.UTF_8));
        wiremock.verify(1, postRequestedFor(urlEqualTo("/feeds")).withRequestBody(binaryEqualTo(body))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Content-Length", equalTo(String.valueOf(body.length))));
        assertEquals(0, otherTransportsMade.get(), "a POST needs no second transport");
    }

    @Test
    void anErrorReplyKeepsItsBody() throws IOException {
        wiremock.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("{\"error\":\"gone\"}")));

        TransportResponse response = transport.send(request("GET", "/missing", new byte[0]), DEADLINE);

        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":\"gone\"}", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedPostIsReadFromItsOneRequest() throws IOException {
        wiremock.stubFor(post("/token").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer").withBody("{\"error\":\"invalid_client\"}")));

        TransportResponse response = transport.send(request("POST", "/token", "id=1".getBytes(StandardCharsets.UTF_8)),
                DEADLINE);

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"invalid_client\"}", new String(response.body(), StandardCharsets.UTF_8));
        wiremock.verify(1, postRequestedFor(urlEqualTo("/token")));
        assertEquals(0, otherTransportsMade.get(), "the refusal is read without a second transport");
    }

    @Test
    void aRefusedPostThroughAProxyIsAskedOnceMoreToReadTheRefusal() throws IOException {
        wiremock.stubFor(post("/token").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer").withBody("{\"error\":\"invalid_client\"}")));
        ProxySelector throughWireMock = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", wiremock.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            }
        };
        try (UrlConnectionTransport proxied = new UrlConnectionTransport(Duration.ofSeconds(2), throughWireMock,
                () -> new JdkHttpTransport(Duration.ofSeconds(2), null, HttpClient.Version.HTTP_1_1))) {
            TransportResponse response = proxied.send(request("POST", "/token",
                    "id=1".getBytes(StandardCharsets.UTF_8)), DEADLINE);

            assertEquals(401, response.statusCode());
            assertEquals("{\"error\":\"invalid_client\"}", new String(response.body(), StandardCharsets.UTF_8));
        }
        wiremock.verify(2, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aFailedPostOnAReusedConnectionIsNeverSentAgainBehindTheCallersBack() throws IOException {
        wiremock.stubFor(post("/ok").willReturn(aResponse().withStatus(200).withBody("{}")));
        wiremock.stubFor(post("/broken").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        transport.send(request("POST", "/ok", new byte[] {'{', '}'}), DEADLINE);

        assertThrows(IOException.class, () -> transport.send(request("POST", "/broken", new byte[] {'{', '}'}),
                DEADLINE));

        wiremock.verify(1, postRequestedFor(urlEqualTo("/broken")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void aReplyStillArrivingAtTheDeadlineIsATimeout(String method) {
        wiremock.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody(new byte[4000])
                .withChunkedDribbleDelay(8, 4000)));
        long start = System.nanoTime();

        IOException late = assertThrows(IOException.class,
                () -> transport.send(request(method, "/slow", body(method)), Duration.ofMillis(600)));

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(HttpTimeoutException.class, late, late.toString());
        assertTrue(late.getMessage().contains("600 ms"), late.getMessage());
        assertTrue(millis < 2000, "the exchange ended " + millis + " ms after it began, not within twice its deadline"
                + " and a chunk");
    }

    @Test
    void aConnectionNotOpenedInTimeIsAConnectTimeoutSoTheRequestIsKnownNotToHaveArrived() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket waiting = new Socket();
                    queued.add(waiting);
                    try {
                        waiting.connect(full.getLocalSocketAddress(), 200);
                    } catch (SocketTimeoutException queueIsFull) {
                        break;
                    }
                }
                try (UrlConnectionTransport quick = new UrlConnectionTransport(Duration.ofMillis(300), null,
                        () -> null)) {
                    URI uri = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/feeds");
                    IOException failed = assertThrows(IOException.class, () -> quick.send(new TransportRequest("POST",
                            uri, Map.of(), new byte[] {'{', '}'}), DEADLINE));

                    assertInstanceOf(HttpConnectTimeoutException.class, failed, failed.toString());
                }
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aGzippedReplyIsDecoded() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"items\":3}".getBytes(StandardCharsets.UTF_8));
        }
        wiremock.stubFor(get("/zipped").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withBody(zipped.toByteArray())));

        TransportResponse response = transport.send(request("GET", "/zipped", new byte[0]), DEADLINE);

        assertEquals("{\"items\":3}", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aPatchGoesThroughTheOtherTransport() throws IOException {
        wiremock.stubFor(patch(urlEqualTo("/projects/p-1")).willReturn(aResponse().withStatus(200).withBody("{}")));

        TransportResponse first = transport.send(request("PATCH", "/projects/p-1", "{\"name\":\"n\"}"
                .getBytes(StandardCharsets.UTF_8)), DEADLINE);
        transport.send(request("PATCH", "/projects/p-1", "{}".getBytes(StandardCharsets.UTF_8)), DEADLINE);

        assertEquals(200, first.statusCode());
        wiremock.verify(2, patchRequestedFor(urlEqualTo("/projects/p-1")));
        assertEquals(1, otherTransportsMade.get(), "the other transport is made once, on first use");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void closingEndsAnExchangeInProgressAndRefusesNewOnes(String method) throws Exception {
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        CompletableFuture<Throwable> outcome = failureInBackground(method, "/hanging", Duration.ofSeconds(30));
        while (wiremock.findAll(anyRequestedFor(anyUrl())).isEmpty()) {
            Thread.sleep(10);
        }

        transport.close();

        Throwable ended = outcome.get(5, TimeUnit.SECONDS);
        assertInstanceOf(IOException.class, ended);
        assertFalse(ended instanceof HttpTimeoutException, "closing is not a timeout: " + ended);
        IOException refused = assertThrows(IOException.class,
                () -> transport.send(request(method, "/after", body(method)), DEADLINE));
        assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("commerce-connector-deadlines-") && thread.isAlive()),
                "the watchdog thread ended with the transport");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void closingEndsAnExchangeWhoseBodyIsStillArriving(String method) throws Exception {
        wiremock.stubFor(any(urlEqualTo("/dribbling")).willReturn(aResponse().withStatus(200)
                .withBody(new byte[20_000]).withChunkedDribbleDelay(40, 20_000)));
        long start = System.nanoTime();
        CompletableFuture<Throwable> outcome = failureInBackground(method, "/dribbling", Duration.ofSeconds(60));
        Thread.sleep(1500);

        transport.close();

        Throwable ended = outcome.get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(IOException.class, ended);
        assertTrue(ended.getMessage().contains("closed"), ended.getMessage());
        assertTrue(millis < 8000, "the exchange ended " + millis + " ms after it began, not soon after the close");
    }

    @Test
    void bodiesOfEveryMethodArriveWhole() throws IOException {
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        HttpTransport asInterface = transport;

        assertEquals(204, asInterface.send(request("PUT", "/cloud", new byte[0]), DEADLINE).statusCode());
        assertEquals(204, asInterface.send(request("DELETE", "/cloud", new byte[0]), DEADLINE).statusCode());

        assertArrayEquals(new byte[0], wiremock.findAll(anyRequestedFor(urlEqualTo("/cloud"))).get(0).getBody());
        assertEquals("0", wiremock.findAll(anyRequestedFor(urlEqualTo("/cloud"))).get(0).getHeader("Content-Length"));
    }

    /** A request body for a method: none for a GET, a small JSON object otherwise. */
    private static byte[] body(String method) {
        return method.equals("GET") ? new byte[0] : new byte[] {'{', '}'};
    }

    /** Sends a request on another thread; completes with what it threw, or {@code null} if it succeeded. */
    private CompletableFuture<Throwable> failureInBackground(String method, String path, Duration deadline) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                transport.send(request(method, path, body(method)), deadline);
                return null;
            } catch (IOException expected) {
                return expected;
            }
        });
    }

    private static TransportRequest request(String method, String path, byte[] body) {
        return new TransportRequest(method, URI.create(wiremock.baseUrl() + path),
                Map.of("Content-Type", List.of("application/json"), "Accept", List.of("application/json")), body);
    }
}
