package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FakeGatewayLifecycleTest extends GatewayTestSupport {

    private static boolean threadsAlive(int port) {
        String prefix = "fake-gateway-" + port + "-";
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith(prefix));
    }

    @Test
    void listensOnLoopbackOnAFreePort() {
        assertEquals("127.0.0.1", gateway.baseUri().getHost());
        assertTrue(gateway.port() > 0);
        assertEquals("/", gateway.baseUri().getPath());
    }

    @Test
    void listensOnAGivenPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        use(FakeGateway.builder().services(services).port(port).start());

        assertEquals(port, gateway.port());
        assertEquals(200, client.get("merchant-registry/v1/ping").statusCode());
    }

    @Test
    void closeStopsEveryThreadAndRefusesConnections() {
        int port = gateway.port();
        assertEquals(200, client.get("merchant-registry/v1/ping").statusCode());

        gateway.close();
        gateway.close();

        assertFalse(gateway.isRunning());
        assertFalse(threadsAlive(port));
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void closeEndsAHangingConnectionAtOnce() throws Exception {
        int port = gateway.port();
        gateway.failures().next(1).respond(Fault.timeout(Duration.ofMinutes(5)));
        HttpRequest request = client.request("merchant-registry/v1/ping").timeout(Duration.ofSeconds(20)).GET().build();
        CompletableFuture<HttpResponse<String>> pending = client.http().sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        while (gateway.requestCount() == 0) {
            Thread.onSpinWait();
        }

        gateway.close();

        assertFalse(threadsAlive(port));
        assertThrows(Exception.class, () -> pending.get());
    }

    @Test
    void twoGatewaysOnOneAccountShareItsState() {
        try (FakeGateway second = FakeGateway.start(services)) {
            SignedClient other = new SignedClient(second, apiKey, keys);
            other.json("POST", "merchant-registry/v1/registry/initialize", Map.of("projectName", "Shared"));

            assertEquals(3, results(client.get("merchant-registry/v1/registry").body()).size());
        }
    }

    @Test
    void resetForgetsTheAccountTheLogAndTheCounters() {
        project("Luma");
        client.get("merchant-registry/v1/registry");

        gateway.reset();

        assertEquals(0, gateway.requestCount());
        assertEquals(0, gateway.requests().size());
        assertEquals(0, services.projects().list().size());
        assertEquals(403, client.get("merchant-registry/v1/ping").statusCode());
        assertTrue(gateway.isRunning());
    }

    @Test
    void servesTheJdkClientsDefaultConfigurationOverHttp11() {
        HttpClient preferringHttp2 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = client.request("merchant-registry/v1/ping").GET().build();
        HttpRequest post = client.request("merchant-registry/v1/registry/initialize")
                .POST(HttpRequest.BodyPublishers.ofString("{\"projectName\":\"Luma\"}")).build();

        HttpResponse<String> first = client.sendWith(preferringHttp2, get);
        HttpResponse<String> second = client.sendWith(preferringHttp2, post);

        assertEquals(200, first.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, first.version());
        assertEquals(200, second.statusCode());
        assertEquals("Luma", services.projects().list().get(0).name());
    }

    @Test
    void servesManyRequestsOverOneKeptAliveConnection() {
        for (int i = 0; i < 50; i++) {
            assertEquals(200, client.get("merchant-registry/v1/ping").statusCode());
        }
        assertEquals(50, gateway.requestCount());
        String second = "fake-gateway-" + gateway.port() + "-conn-2";
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(second)),
                "a second connection was opened");
    }
}
