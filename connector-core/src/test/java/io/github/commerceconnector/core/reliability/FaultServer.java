package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.credentials.CredentialStore;
import java.net.URI;

/**
 * A gateway on loopback that answers normally until told to fail one kind of call: WireMock or the testkit's
 * fake gateway, so that the fault matrix holds against both.
 */
interface FaultServer extends AutoCloseable {

    /** The calls of the matrix. */
    enum Call {
        /** {@code GET merchant-registry/v1/registry}: idempotent. */
        REGISTRY,
        /** {@code POST feeds/catalog/v2/products/{dataSpaceId}}: one batch of items. */
        FEED_BATCH
    }

    /** Where the client sends. */
    URI baseUri();

    /** Keys the server accepts. */
    CredentialStore credentials();

    /** The project to select. */
    String projectId();

    /** The testing data space to select and sync into. */
    String dataSpaceId();

    /**
     * Makes the next calls of a kind fail.
     *
     * @param times how many requests on the wire fail before the normal reply comes back; 0 for all of them
     */
    void fail(Call call, WireFault fault, int times);

    /** Clears every fault: the server answers normally again. */
    void heal();

    /** Requests of a kind that reached the server. */
    int requests(Call call);

    /** Feed items the server holds, or -1 when it keeps none (WireMock). */
    int itemsHeld();

    @Override
    void close();
}
