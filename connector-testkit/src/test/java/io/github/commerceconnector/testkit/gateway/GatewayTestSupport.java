package io.github.commerceconnector.testkit.gateway;

import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** A fake account, a gateway on it (no rate limit unless a test builds its own), a registered key and a signed client. */
@Timeout(30)
abstract class GatewayTestSupport {
    final FakeCommerceServices services = FakeCommerceServices.create();
    static final TestKeyPair KEYS = TestKeys.rsa();
    final TestKeyPair keys = KEYS;
    final ApiKey apiKey = TestKeys.apiKey();
    FakeGateway gateway;
    SignedClient client;

    GatewayTestSupport() {
        services.registerKey(apiKey, keys.publicKey());
        use(FakeGateway.builder().services(services).noRateLimit().start());
    }

    /** Replaces the gateway (closing the previous one). */
    final void use(FakeGateway replacement) {
        if (gateway != null) {
            gateway.close();
        }
        gateway = replacement;
        client = new SignedClient(gateway, apiKey, keys);
    }

    @AfterEach
    final void closeGateway() {
        gateway.close();
    }

    final SaasProject project(String name) {
        return services.addProject(name);
    }

    final String testingDataSpace() {
        return project("Shop " + System.nanoTime()).testingDataSpaces().get(0).id();
    }

    static Map<String, Object> product(String sku) {
        return Map.of("sku", sku, "storeViewCode", "default", "name", "Product " + sku);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        return (Map<String, Object>) SignedClient.parse(json);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(String json) {
        return (List<Map<String, Object>>) object(json).get("results");
    }
}
