package io.github.commerceconnector.testkit.contract;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.registry.SaasProject;
import java.util.List;
import java.util.Map;

/**
 * What the registry contract suites need of an implementation: a {@link CommerceServices} connected to
 * a fresh, empty account, and a way to change and read that account out of band (as another
 * administrator or the storefront's services would). Implementable by the in-memory fake
 * ({@link FakeAccountFixture}) and by "HTTP client + {@code FakeGateway}" alike: build the gateway on a
 * {@code FakeCommerceServices} and reach the account through it.
 */
public interface ContractFixture extends AutoCloseable {

    /** The implementation under test, connected to the fixture's account. */
    CommerceServices services();

    /**
     * The implementation under test reopened on the same account and state (as after a restart), to
     * check that the selection persists. The default returns {@link #services()} unchanged, for
     * implementations whose state lives as long as the fixture.
     */
    default CommerceServices reopen() {
        return services();
    }

    /** Creates a project directly in the account, bypassing the implementation under test. */
    SaasProject addProjectOutOfBand(String name);

    /** Stores feed items directly in a data space, bypassing the implementation under test. */
    void addItemsOutOfBand(String dataSpaceId, Feed feed, List<Map<String, Object>> items);

    /** The items a data space holds for a feed, read directly from the account. */
    List<Map<String, Object>> itemsHeld(String dataSpaceId, Feed feed);

    /** Releases the implementation and the account. */
    @Override
    void close();
}
