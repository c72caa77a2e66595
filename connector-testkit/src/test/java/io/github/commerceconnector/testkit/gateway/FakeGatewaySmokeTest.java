package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeGatewaySmokeTest {
    @Test
    void createsAndListsOverHttp() {
        try (FakeGateway gateway = FakeGateway.start()) {
            TestKeyPair keys = TestKeys.rsa();
            ApiKey apiKey = TestKeys.apiKey();
            gateway.registerKey(apiKey, keys.publicKey());
            SignedClient client = new SignedClient(gateway, apiKey, keys);
            assertEquals(200, client.get("merchant-registry/v1/ping").statusCode());
            var created = client.json("POST", "merchant-registry/v1/registry/initialize", Map.of("projectName", "Shop"));
            System.out.println(created.body());
            assertEquals(200, created.statusCode());
            var listed = client.get("merchant-registry/v1/registry");
            System.out.println(listed.body() + " " + listed.headers().map());
            String ds = gateway.services().projects().list().get(0).testingDataSpaces().get(0).id();
            var fed = client.gzipJson("feeds/catalog/v2/products/" + ds, List.of(Map.of("sku", "A", "storeViewCode", "default"), Map.of("sku", "B")));
            System.out.println(fed.body());
            System.out.println(gateway.requests());
        }
    }
}
