package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.testkit.FakeGateway;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeGatewaySinkTest extends GatewayTestSupport {

    FakeGatewaySinkTest() {
        use(FakeGateway.builder().services(services).noRateLimit().sink(true).start());
    }

    @Test
    void answersFeedRequestsWithoutStoringOrLoggingThem() {
        String dataSpace = testingDataSpace();

        int status = client.gzipJson(Feed.PRODUCTS.route() + "/" + dataSpace, List.of(product("MH01"), Map.of("x", 1)))
                .statusCode();

        assertEquals(200, status);
        assertEquals(List.of(), services.items(dataSpace, Feed.PRODUCTS));
        assertEquals(List.of(), gateway.requests());
    }

    @Test
    void countsRequestsAndWireBytes() {
        String dataSpace = testingDataSpace();
        byte[] body = SignedClient.gzip(SignedClient.bytes(List.of(product("MH01"))));
        HttpRequest request = client.request(Feed.PRODUCTS.route() + "/" + dataSpace)
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.send(request).statusCode());
        }

        assertEquals(3, gateway.requestCount());
        assertEquals(3L * body.length, gateway.bytesReceived());
    }

    @Test
    void stillChecksTheSignature() {
        String dataSpace = testingDataSpace();
        HttpRequest unsigned = HttpRequest.newBuilder(gateway.baseUri().resolve(Feed.PRODUCTS.route() + "/" + dataSpace))
                .header("x-api-key", apiKey.value()).POST(HttpRequest.BodyPublishers.ofString("[]")).build();

        assertEquals(401, client.send(unsigned).statusCode());
    }

    @Test
    void servesTheRegistryAsUsual() {
        project("Luma");

        assertEquals(3, results(client.get("merchant-registry/v1/registry").body()).size());
        assertEquals(1, gateway.requests().size());
    }
}
