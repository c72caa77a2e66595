package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FakeGatewayFeedTest extends GatewayTestSupport {

    private static String path(Feed feed, String dataSpace) {
        return feed.route() + "/" + dataSpace;
    }

    @Test
    void storesAGzippedBatchOfProducts() {
        String dataSpace = testingDataSpace();

        HttpResponse<String> reply = client.gzipJson(path(Feed.PRODUCTS, dataSpace),
                List.of(product("MH01"), product("MH02")));

        assertEquals(200, reply.statusCode());
        assertEquals(Map.of(), object(reply.body()));
        assertEquals(List.of("MH01", "MH02"),
                services.items(dataSpace, Feed.PRODUCTS).stream().map(item -> item.get("sku")).toList());
    }

    @Test
    void storesAnUncompressedBatchToo() {
        String dataSpace = testingDataSpace();

        assertEquals(200, client.json("POST", path(Feed.PRODUCTS, dataSpace), List.of(product("MH01"))).statusCode());
        assertEquals(1, services.items(dataSpace, Feed.PRODUCTS).size());
    }

    @Test
    void upsertsByIdentityAndRemovesDeletedItems() {
        String dataSpace = testingDataSpace();
        client.gzipJson(path(Feed.PRODUCTS, dataSpace), List.of(product("MH01"), product("MH02")));

        client.gzipJson(path(Feed.PRODUCTS, dataSpace), List.of(
                Map.of("sku", "MH01", "storeViewCode", "default", "name", "Renamed"),
                Map.of("sku", "MH02", "storeViewCode", "default", "deleted", true)));

        List<Map<String, Object>> held = services.items(dataSpace, Feed.PRODUCTS);
        assertEquals(1, held.size());
        assertEquals("Renamed", held.get(0).get("name"));
    }

    @Test
    void listsItemsWithoutIdentityAndAcceptsTheRest() {
        String dataSpace = testingDataSpace();
        List<Object> batch = List.of(product("MH01"), Map.of("sku", "MH02"), "a string", product("MH03"),
                Map.of("sku", "MH04", "storeViewCode", "default", "deleted", "yes"));

        HttpResponse<String> reply = client.gzipJson(path(Feed.PRODUCTS, dataSpace), batch);

        assertEquals(200, reply.statusCode());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> invalid = (List<Map<String, Object>>) object(reply.body()).get("invalidFeedItems");
        assertEquals(List.of(1, 2, 4), invalid.stream().map(item -> item.get("itemIndex")).toList());
        assertEquals(List.of("MISSING_IDENTITY", "NOT_AN_OBJECT", "INVALID_FIELD"),
                invalid.stream().map(item -> item.get("code")).toList());
        assertTrue(((String) invalid.get(0).get("message")).contains("storeViewCode"));
        assertEquals(2, services.items(dataSpace, Feed.PRODUCTS).size());
    }

    @Test
    void refusesABodyThatIsNotAJsonArray() {
        String dataSpace = testingDataSpace();

        HttpResponse<String> reply = client.gzipJson(path(Feed.PRODUCTS, dataSpace), product("MH01"));

        assertEquals(400, reply.statusCode());
        assertEquals(400, object(reply.body()).get("status"));
    }

    @Test
    void refusesABodyMarkedGzipThatIsNot() {
        String dataSpace = testingDataSpace();
        HttpRequest request = client.request(path(Feed.PRODUCTS, dataSpace)).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build();

        assertEquals(400, client.send(request).statusCode());
    }

    @Test
    void refusesMoreItemsThanTheFeedsBatchSizeWith413() {
        String dataSpace = testingDataSpace();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= Feed.PRODUCTS.defaultBatchSize(); i++) {
            tooMany.add(product("SKU" + i));
        }

        HttpResponse<String> reply = client.gzipJson(path(Feed.PRODUCTS, dataSpace), tooMany);

        assertEquals(413, reply.statusCode());
        assertEquals(List.of(), services.items(dataSpace, Feed.PRODUCTS));
        assertEquals(200, client.gzipJson(path(Feed.PRODUCTS, dataSpace), tooMany.subList(0, 100)).statusCode());
    }

    @Test
    void honoursAConfiguredItemLimit() {
        use(FakeGateway.builder().services(services).noRateLimit().itemLimit(2).start());
        String dataSpace = testingDataSpace();

        HttpResponse<String> reply = client.gzipJson(path(Feed.PRODUCTS, dataSpace),
                List.of(product("A"), product("B"), product("C")));

        assertEquals(413, reply.statusCode());
    }

    @Test
    void acceptsEveryBuiltInFeedRoute() {
        String dataSpace = testingDataSpace();
        Map<Feed, Map<String, Object>> samples = Map.of(
                Feed.PRODUCT_ATTRIBUTES, Map.of("attributeCode", "color", "storeViewCode", "default"),
                Feed.CATEGORIES, Map.of("urlPath", "men/tops", "storeViewCode", "default"),
                Feed.PRICES, Map.of("sku", "MH01", "customerGroupCode", "0", "websiteCode", "base", "regular", 42),
                Feed.VARIANTS, Map.of("parentSku", "MH01", "productSku", "MH01-XS"));

        samples.forEach((feed, item) -> {
            assertEquals(200, client.gzipJson(path(feed, dataSpace), List.of(item)).statusCode(), feed.name());
            assertEquals(List.of(item), services.items(dataSpace, feed), feed.name());
        });
    }

    @Test
    void tellsTheTwoScopeFeedsApartByTheIdentityTheyCarry() {
        String dataSpace = testingDataSpace();

        HttpResponse<String> reply = client.gzipJson(path(Feed.SCOPES_WEBSITE, dataSpace), List.of(
                Map.of("websiteCode", "base"), Map.of("customerGroupCode", "wholesale"), Map.of("storeCode", "x")));

        assertEquals(List.of(Map.of("websiteCode", "base")), services.items(dataSpace, Feed.SCOPES_WEBSITE));
        assertEquals(List.of(Map.of("customerGroupCode", "wholesale")),
                services.items(dataSpace, Feed.SCOPES_CUSTOMER_GROUP));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> invalid = (List<Map<String, Object>>) object(reply.body()).get("invalidFeedItems");
        assertEquals(List.of(2), invalid.stream().map(item -> item.get("itemIndex")).toList());
    }

    @Test
    void servesARegisteredCustomFeed() {
        Feed reviews = Feed.custom("reviews", "feeds/reviews/v1", 50, "reviewId");
        gateway.registerFeed(reviews);
        String dataSpace = testingDataSpace();

        HttpResponse<String> reply = client.gzipJson(path(reviews, dataSpace), List.of(Map.of("reviewId", 7)));

        assertEquals(200, reply.statusCode());
        assertEquals(List.of(Map.of("reviewId", 7)), services.items(dataSpace, reviews));
    }

    @Test
    void aFeedForAnUnknownDataSpaceIsNotFound() {
        assertEquals(404, client.gzipJson(path(Feed.PRODUCTS, UUID.randomUUID().toString()),
                List.of(product("MH01"))).statusCode());
    }

    @Test
    void readsChunkedBodiesAndExpectContinue() {
        String dataSpace = testingDataSpace();
        byte[] body = SignedClient.gzip(SignedClient.bytes(List.of(product("MH01"))));
        HttpRequest chunked = client.request(path(Feed.PRODUCTS, dataSpace)).header("Content-Encoding", "gzip")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        assertEquals(200, client.send(chunked).statusCode());
        assertEquals(1, services.items(dataSpace, Feed.PRODUCTS).size());
    }

    @Test
    void recordsRequestsWithDecodedBodies() {
        String dataSpace = testingDataSpace();
        byte[] compressed = SignedClient.gzip(SignedClient.bytes(List.of(product("MH01"))));
        HttpRequest request = client.request(path(Feed.PRODUCTS, dataSpace)).header("Content-Encoding", "gzip")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(compressed)).build();

        client.send(request);

        RecordedRequest recorded = gateway.lastRequest().orElseThrow();
        assertEquals("POST", recorded.method());
        assertEquals(path(Feed.PRODUCTS, dataSpace), recorded.path());
        assertEquals(List.of(product("MH01")), recorded.items());
        assertArrayEquals(compressed, recorded.wireBody());
        assertEquals("gzip", recorded.header("content-encoding").orElseThrow());
        assertEquals(200, recorded.status());
        assertTrue(recorded.requestId().isPresent());
        assertTrue(!recorded.toString().contains(apiKey.value()) && !recorded.toString().contains("eyJ"));
    }
}
