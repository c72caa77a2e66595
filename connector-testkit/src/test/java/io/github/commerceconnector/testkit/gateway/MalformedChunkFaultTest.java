package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.exception.ConnectorClientException;
import io.github.commerceconnector.testkit.Fault;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.NetworkFault;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link NetworkFault#MALFORMED_CHUNK}: on the wire a broken chunked body, in memory a retryable failure. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MalformedChunkFaultTest {

    @Test
    void theWireReplyIsABrokenChunkedBodyAndTheRequestIsNotApplied() {
        try (FakeGateway gateway = FakeGateway.start()) {
            TestKeyPair keys = TestKeys.rsa();
            ApiKey apiKey = TestKeys.apiKey();
            gateway.registerKey(apiKey, keys.publicKey());
            SignedClient client = new SignedClient(gateway, apiKey, keys);
            gateway.failures().next(1).respond(Fault.network(NetworkFault.MALFORMED_CHUNK));

            UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                    () -> client.json("POST", "merchant-registry/v1/registry/initialize",
                            java.util.Map.of("projectName", "Shop")));

            assertInstanceOf(IOException.class, failed.getCause());
            assertEquals(NetworkFault.MALFORMED_CHUNK, gateway.lastRequest().orElseThrow().fault().orElseThrow());
            assertTrue(gateway.services().projects().list().isEmpty(), "the request is not applied");
        }
    }

    @Test
    void inMemoryItIsARetryableClientFailure() {
        try (FakeCommerceServices services = FakeCommerceServices.create()) {
            services.failures().next(1).respond(Fault.network(NetworkFault.MALFORMED_CHUNK));

            ConnectorClientException failed = assertThrows(ConnectorClientException.class,
                    () -> services.projects().list());

            assertTrue(failed.isRetryable());
            assertTrue(failed.getMessage().contains("malformed chunked reply"), failed.getMessage());
        }
    }
}
