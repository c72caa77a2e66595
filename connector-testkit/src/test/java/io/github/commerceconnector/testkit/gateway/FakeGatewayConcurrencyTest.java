package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The gateway records, per data space, the most feed requests it had in flight at once. */
class FakeGatewayConcurrencyTest extends GatewayTestSupport {

    private static String path(String dataSpace) {
        return Feed.PRODUCTS.route() + "/" + dataSpace;
    }

    @Test
    void aSenderWithOneRequestAtATimeShowsOne() {
        String dataSpace = testingDataSpace();
        String untouched = testingDataSpace();

        for (int n = 0; n < 3; n++) {
            assertEquals(200, client.gzipJson(path(dataSpace), List.of(product("MH0" + n))).statusCode());
        }

        assertEquals(1, gateway.maxConcurrentFeedRequests(dataSpace));
        assertEquals(0, gateway.maxConcurrentFeedRequests(untouched));
        assertEquals(Map.of(dataSpace, 1), gateway.maxConcurrentFeedRequests());
    }

    @Test
    void overlappingRequestsCountForTheirOwnDataSpaceOnly() throws Exception {
        String shared = testingDataSpace();
        String other = testingDataSpace();
        services.failures().when(call -> call.is(FakeOperation.SEND_FEED) && shared.equals(call.dataSpaceId()))
                .times(1).respond(Fault.slowBody(Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> client.gzipJson(path(shared), List.of(product("MH01"))));
        while (gateway.requestCount() < 1) {
            Thread.sleep(10);
        }

        assertEquals(200, client.gzipJson(path(shared), List.of(product("MH02"))).statusCode());
        assertEquals(200, client.gzipJson(path(other), List.of(product("MH03"))).statusCode());

        assertEquals(2, gateway.maxConcurrentFeedRequests(shared), "the slow reply was still being written");
        assertEquals(1, gateway.maxConcurrentFeedRequests(other));
        slow.cancel(true);
    }

    @Test
    void resetForgetsTheMaxima() {
        String dataSpace = testingDataSpace();
        client.gzipJson(path(dataSpace), List.of(product("MH01")));

        gateway.reset();

        assertEquals(Map.of(), gateway.maxConcurrentFeedRequests());
    }
}
