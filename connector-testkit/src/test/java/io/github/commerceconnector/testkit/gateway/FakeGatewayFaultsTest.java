package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.exception.ConnectorServiceException;
import io.github.commerceconnector.testkit.FailureInjector;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.NetworkFault;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every injected failure, as a plain JDK client sees it. Each has a client timeout and a JUnit timeout. */
@Timeout(20)
class FakeGatewayFaultsTest extends GatewayTestSupport {
    private static final String REGISTRY = "merchant-registry/v1/registry";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

    private HttpRequest create(String name) {
        return client.request(REGISTRY + "/initialize").timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"projectName\":\"" + name + "\"}")).build();
    }

    private IOException failure(HttpRequest request) {
        return assertThrows(IOException.class, () -> client.http().send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void injectedStatusIsAnsweredInTheErrorShapeThenTheGatewayRecovers() {
        FailureInjector.Injection injection = gateway.failures().next(2).respond(Fault.status(503, "Maintenance"));

        HttpResponse<String> first = client.get(REGISTRY);
        HttpResponse<String> second = client.get(REGISTRY);
        HttpResponse<String> third = client.get(REGISTRY);

        assertEquals(503, first.statusCode());
        assertEquals(Map.of("status", 503, "statusText", "Service Unavailable", "message", "Maintenance",
                "requestId", first.headers().firstValue("x-request-id").orElseThrow()), object(first.body()));
        assertEquals(503, second.statusCode());
        assertEquals(200, third.statusCode());
        assertEquals(2, injection.timesFired());
    }

    @Test
    void injectedThrottlingAnswers429WithRetryAfter() {
        gateway.failures().next(1).respond(Fault.throttle(Duration.ofMillis(6_500)));

        HttpResponse<String> reply = client.get(REGISTRY);

        assertEquals(429, reply.statusCode());
        assertEquals("7", reply.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void aPredicateTargetsOnlyMatchingCalls() {
        gateway.failures().when(call -> call.is(FakeOperation.CREATE_PROJECT)).respond(Fault.status(500));

        assertEquals(200, client.get(REGISTRY).statusCode());
        assertEquals(500, client.send(create("Luma")).statusCode());
        assertEquals(500, client.send(create("Luma")).statusCode());
    }

    @Test
    void connectionResetFailsTheCallAndAppliesNothing() {
        gateway.failures().next(1).respond(Fault.network(NetworkFault.CONNECTION_RESET));

        failure(create("Luma"));

        assertEquals(List.of(), services.projects().list());
        assertEquals(NetworkFault.CONNECTION_RESET, gateway.lastRequest().orElseThrow().fault().orElseThrow());
    }

    @Test
    void emptyReplyFailsTheCallAndAppliesNothing() {
        gateway.failures().next(1).respond(Fault.network(NetworkFault.EMPTY_REPLY));

        failure(create("Luma"));

        assertEquals(List.of(), services.projects().list());
    }

    @Test
    void garbageThenCloseFailsTheCall() {
        gateway.failures().next(1).respond(Fault.network(NetworkFault.GARBAGE_THEN_CLOSE));

        failure(create("Luma"));

        assertEquals(List.of(), services.projects().list());
    }

    @Test
    void dropAfterRequestAppliesTheCallButAnswersNothing() {
        gateway.failures().next(1).respond(Fault.network(NetworkFault.DROP_AFTER_REQUEST));

        failure(create("Luma"));

        assertEquals("Luma", services.projects().list().get(0).name());
    }

    @Test
    void timeoutHoldsTheReplyUntilTheClientGivesUp() {
        gateway.failures().next(1).respond(Fault.timeout());
        HttpRequest request = client.request(REGISTRY).timeout(Duration.ofMillis(300)).GET().build();

        assertThrows(HttpTimeoutException.class, () -> client.http().send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(-1, gateway.lastRequest().orElseThrow().status());
        assertEquals(200, client.get(REGISTRY).statusCode());
    }

    @Test
    void slowBodyArrivesCompleteButOnlyOverTime() throws Exception {
        use(FakeGateway.builder().services(services).noRateLimit().slowBodyDuration(Duration.ofMillis(600)).start());
        services.addProject("Luma");
        gateway.failures().next(2).respond(Fault.network(NetworkFault.SLOW_BODY));
        HttpRequest request = client.request(REGISTRY).timeout(CLIENT_TIMEOUT).GET().build();

        ExecutionException cutShort = assertThrows(ExecutionException.class, () -> client.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString()).orTimeout(100, TimeUnit.MILLISECONDS).get());
        HttpResponse<String> complete = client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertInstanceOf(TimeoutException.class, cutShort.getCause());
        assertEquals(200, complete.statusCode());
        assertEquals(3, results(complete.body()).size());
    }

    @Test
    void headersOfASlowBodyArriveAtOnce() throws Exception {
        use(FakeGateway.builder().services(services).noRateLimit().slowBodyDuration(Duration.ofSeconds(10)).start());
        gateway.failures().next(1).respond(Fault.slowBody(Duration.ofSeconds(10)));
        HttpRequest request = client.request(REGISTRY).timeout(CLIENT_TIMEOUT).GET().build();

        HttpResponse<InputStream> reply = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, reply.statusCode());
        assertEquals('{', reply.body().read());
        reply.body().close();
    }

    @Test
    void theSameInjectionDrivesInMemoryCallsAndTheGateway() {
        gateway.failures().next(2).respond(Fault.status(502));

        ConnectorServiceException inMemory = assertThrows(ConnectorServiceException.class,
                () -> services.projects().list());
        HttpResponse<String> overHttp = client.get(REGISTRY);

        assertEquals(502, inMemory.statusCode());
        assertEquals(502, overHttp.statusCode());
        assertEquals(200, client.get(REGISTRY).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONSENSE\r\n\r\n", "GET /registry/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /registry/50% HTTP/1.1\r\nHost: x\r\n\r\n"})
    void aMalformedRequestIsAnsweredWith400(String request) throws IOException {
        try (Socket socket = new Socket(gateway.baseUri().getHost(), gateway.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
        }
    }
}
