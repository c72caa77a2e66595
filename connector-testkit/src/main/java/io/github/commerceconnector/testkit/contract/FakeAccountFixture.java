package io.github.commerceconnector.testkit.contract;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FeedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ContractFixture} whose account is a {@link FakeCommerceServices}: the out-of-band operations
 * go straight to that account. By default the implementation under test is the fake itself; pass
 * another {@link CommerceServices} (e.g. the HTTP client pointed at a {@code FakeGateway} on this
 * account) and the resources to close with it; override {@link #reopen()} when that implementation
 * keeps its selection in files.
 *
 * <pre>{@code
 * FakeCommerceServices account = FakeAccountFixture.inMemory(spec);
 * FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start();
 * CommerceServices client = ...;   // the HTTP client: endpoint(gateway.baseUri()), TestKeys.credentialsFor(gateway)
 * return new FakeAccountFixture(account, client, List.of(gateway));
 * }</pre>
 */
public class FakeAccountFixture implements ContractFixture {
    private final FakeCommerceServices account;
    private final CommerceServices services;
    private final List<AutoCloseable> resources;

    /** A fixture testing the in-memory fake itself, built for the spec. */
    public FakeAccountFixture(FixtureSpec spec) {
        this(inMemory(spec));
    }

    private FakeAccountFixture(FakeCommerceServices account) {
        this(account, account, List.of());
    }

    /**
     * A fixture testing {@code services}, connected to {@code account}.
     *
     * @param account   the account (also closed at the end)
     * @param services  the implementation under test (closed at the end)
     * @param resources more to close at the end, in order (a gateway, say)
     */
    public FakeAccountFixture(FakeCommerceServices account, CommerceServices services, List<AutoCloseable> resources) {
        this.account = Objects.requireNonNull(account, "account");
        this.services = Objects.requireNonNull(services, "services");
        this.resources = List.copyOf(resources);
    }

    /**
     * The in-memory fake configured for a spec, in {@linkplain FakeCommerceServices#checkSchema schema mode}: the
     * contract's items must fit the exporter's schema on either side.
     */
    public static FakeCommerceServices inMemory(FixtureSpec spec) {
        FakeCommerceServices.Builder builder = FakeCommerceServices.builder().edition(spec.edition())
                .installation(spec.installation()).checkSchema(true);
        spec.productionOverride().ifPresent(builder::allowProductionDataSpace);
        return builder.build();
    }

    /** The account behind the fixture. */
    public FakeCommerceServices account() {
        return account;
    }

    @Override
    public CommerceServices services() {
        return services;
    }

    @Override
    public SaasProject addProjectOutOfBand(String name) {
        return account.addProject(name);
    }

    @Override
    public void addItemsOutOfBand(String dataSpaceId, Feed feed, List<Map<String, Object>> items) {
        FeedResult result = account.addItems(dataSpaceId, feed, items);
        if (!result.allAccepted()) {
            throw new IllegalArgumentException("The account refused items: " + result.invalidItems());
        }
    }

    @Override
    public List<Map<String, Object>> itemsHeld(String dataSpaceId, Feed feed) {
        return account.items(dataSpaceId, feed);
    }

    /** Closes the implementation, the extra resources, then the account. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (AutoCloseable resource : closingOrder()) {
            try {
                resource.close();
            } catch (Exception failed) {
                if (first == null) {
                    first = new IllegalStateException("Closing the contract fixture failed", failed);
                } else {
                    first.addSuppressed(failed);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<AutoCloseable> closingOrder() {
        ArrayList<AutoCloseable> order = new ArrayList<>();
        if (services != account) {
            order.add(services);
        }
        order.addAll(resources);
        order.add(account);
        return order;
    }
}
