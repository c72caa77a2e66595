package io.github.commerceconnector.testkit;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.credentials.ApiKey;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import io.github.commerceconnector.testkit.internal.account.AccountError;
import io.github.commerceconnector.api.spi.InMemorySyncStateStore;
import io.github.commerceconnector.testkit.internal.account.AccountState;
import io.github.commerceconnector.testkit.internal.catalog.FakeCatalogSyncClient;
import io.github.commerceconnector.testkit.internal.catalog.FakeReadiness;
import io.github.commerceconnector.testkit.internal.fake.FakeRuntime;
import io.github.commerceconnector.testkit.internal.fake.InMemoryCredentialStore;
import io.github.commerceconnector.testkit.internal.fake.InMemoryDataSpaceClient;
import io.github.commerceconnector.testkit.internal.fake.InMemorySaasProjectClient;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory Commerce Services account and the connector's clients over it: what a test uses
 * instead of the real gateway. One object holds the account (its {@link Edition}, the API keys it
 * accepts, its SaaS projects and data spaces, the items each data space holds per feed) and this
 * installation's side (its {@link Environment}, {@link Installation} and saved selection). A
 * {@link FakeGateway} built on it serves the same account over HTTP.
 *
 * <pre>{@code
 * FakeCommerceServices services = FakeCommerceServices.builder()
 *         .edition(Edition.ADOBE_COMMERCE)
 *         .installation(Installation.NON_PRODUCTION)
 *         .build();
 * SaasProject project = services.projects().create("My store");      // Production, Testing 1, Testing 2
 * services.dataSpaces().select(project.id(), project.testingDataSpaces().get(0).id());
 * }</pre>
 *
 * <p><b>What it does</b>, as PROTOCOL.md and DESIGN.md say the real service and client do:
 * <ul>
 *   <li>creating a project makes the edition's data spaces at once (Adobe Commerce: {@code Production},
 *       {@code Testing 1}, {@code Testing 2}; Magento Open Source: {@code Production}), with UUID ids;</li>
 *   <li>renames change labels, never ids; a name in use (ignoring case) is a {@code ConflictException},
 *       so is a create beyond the {@linkplain Builder#projectLimit project allowance}; an unknown id is a
 *       {@code NotFoundException}; a blank name an {@code IllegalArgumentException};</li>
 *   <li>selecting checks that the data space belongs to the project, keeps the IMS link only while the
 *       project stays the same, and applies the data-space guard (a non-production installation cannot
 *       select or clean up a production data space: {@code DataSpaceGuardException}, unless
 *       {@link Builder#allowProductionDataSpace} was given); cleanup erases a data space's items;</li>
 *   <li>feed items (through the gateway, {@link #addItems}, or catalog sync) are upserts keyed by the
 *       feed's identity fields, {@code "deleted": true} removes, and an item that is not a JSON object,
 *       lacks its identity or has a non-boolean {@code deleted} is refused on its own with a reason; in
 *       {@linkplain #checkSchema schema mode}, so is an item that does not fit the exporter's schema;</li>
 *   <li>the credential store validates key material like a real one (PEM, RSA, at least 2048 bits,
 *       passphrase) and its {@code validate} answers as the gateway's key check would for the keys
 *       {@linkplain #registerKey registered} here;</li>
 *   <li>test hooks: {@link #failures()} (status, throttling, timeouts and network faults, for the next
 *       calls or calls matching a predicate), {@link #clock()}, {@link #items}, {@link #calls()},
 *       {@link #addProject} and {@link #addItems} out of band, {@link #reset()}.</li>
 * </ul>
 *
 * <p><b>What it does not do:</b> the OAuth (IMS technical account) mode; persistence (the selection
 * lives as long as this object); the registry's {@code mageId} (left empty; {@code featureSet} is empty until {@link #featureSet} sets it);
 * rate limits (the {@link FakeGateway} has them); real network timing (a
 * {@link NetworkFault#SLOW_BODY} succeeds in memory); catalog sync's rate limit, compression and
 * parallel requests (the {@link #catalog()} fake sends one batch at a time).
 *
 * <p>Thread-safe: every operation on the account is atomic, and the clients may be called from any
 * thread.
 */
public final class FakeCommerceServices implements CommerceServices {
    private final FakeRuntime runtime;
    private final InMemoryCredentialStore credentials;
    private final SaasProjectClient projects;
    private final DataSpaceClient dataSpaces;
    private final FailureInjector failures;
    private final InMemorySyncStateStore syncState = new InMemorySyncStateStore();
    private final FakeCatalogSyncClient catalog;
    private final FakeReadiness readiness;
    private volatile boolean closed;

    private FakeCommerceServices(Builder builder) {
        AccountState account = new AccountState(builder.edition, builder.clock, builder.projectLimit,
                builder.itemLimit);
        account.setCheckSchema(builder.checkSchema);
        this.runtime = new FakeRuntime(builder.environment, builder.installation, account, builder.clock,
                builder.overrideReason);
        this.credentials = new InMemoryCredentialStore(runtime);
        this.projects = new InMemorySaasProjectClient(runtime);
        this.dataSpaces = new InMemoryDataSpaceClient(runtime);
        this.failures = new FailureInjector(runtime.faults());
        this.catalog = new FakeCatalogSyncClient(runtime, syncState);
        this.readiness = new FakeReadiness(runtime, credentials, catalog);
        runtime.addCleanupListener(catalog::forget);
    }

    /** A builder with the defaults: sandbox, non-production installation, Adobe Commerce. */
    public static Builder builder() {
        return new Builder();
    }

    /** A fake with the defaults: sandbox, non-production installation, Adobe Commerce. */
    public static FakeCommerceServices create() {
        return builder().build();
    }

    /** The environment this fake stands for. */
    @Override
    public Environment environment() {
        return runtime.environment();
    }

    /** The installation kind, which drives the data-space guard. */
    @Override
    public Installation installation() {
        return runtime.installation();
    }

    /** The license's edition. */
    public Edition edition() {
        return runtime.account().edition();
    }

    /** The in-memory key store; its {@code validate} plays the gateway's key check. */
    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    /** The in-memory project client. */
    @Override
    public SaasProjectClient projects() {
        return projects;
    }

    /** The in-memory data space client; the selection lives in this object. */
    @Override
    public DataSpaceClient dataSpaces() {
        return dataSpaces;
    }

    // ---- Catalog sync ------------------------------------------------------------------------------

    /**
     * The fake catalog sync client: the real client's rules in memory, its batches applied to this account
     * with the {@code FakeGateway}'s acceptance (so {@link #failures()} apply to them), its state in
     * {@link #syncState()}.
     */
    @Override
    public CatalogSyncClient catalog() {
        return catalog;
    }

    /** The checks of the real client, against this account (whose data spaces have no feature set). */
    @Override
    public Readiness readiness(CommerceService service) {
        return readiness.check(Objects.requireNonNull(service, "service"));
    }

    // ---- Test hooks ----------------------------------------------------------------------------

    /** What the fake catalog client recorded as sent, per data space and feed. */
    public InMemorySyncStateStore syncState() {
        return syncState;
    }

    /** Injects failures into this account's calls, in memory and through every gateway on it. */
    public FailureInjector failures() {
        return failures;
    }

    /** The account's clock: move it instead of sleeping. */
    public TestClock clock() {
        return runtime.clock();
    }

    /** Every call that reached the account (the newest 100,000), oldest first. */
    public List<FakeCall> calls() {
        return runtime.calls().snapshot();
    }

    /** Forgets the call log. */
    public void clearCalls() {
        runtime.calls().clear();
    }

    /**
     * The items a data space holds for a feed, in the order first stored; unmodifiable.
     *
     * @throws IllegalArgumentException for an unknown data space
     */
    public List<Map<String, Object>> items(String dataSpaceId, Feed feed) {
        return runtime.account().items(dataSpaceId, Objects.requireNonNull(feed, "feed"));
    }

    /**
     * Creates a project directly in the account, as another administrator would: no call is logged and
     * no failure is injected.
     *
     * @throws IllegalArgumentException for a blank name, a name in use, or a project beyond the allowance
     */
    public SaasProject addProject(String name) {
        try {
            return runtime.account().createProject(name);
        } catch (AccountError refused) {
            throw new IllegalArgumentException(refused.getMessage());
        }
    }

    /**
     * Sets the registry's {@code featureSet} of a data space, out of band, as the license owner's account
     * would: e.g. {@code "Product Recommendations"} (several may be given comma-separated). New data spaces
     * have none, so {@link #readiness} reports the feature-set check as failed until a test sets it.
     *
     * @return the data space as the registry now reports it
     * @throws IllegalArgumentException for an unknown data space
     */
    public DataSpace featureSet(String dataSpaceId, String featureSet) {
        try {
            return runtime.account().featureSet(dataSpaceId, featureSet);
        } catch (AccountError refused) {
            throw new IllegalArgumentException(refused.getMessage());
        }
    }

    /**
     * Stores feed items directly in a data space, with the same rules as a feed request: no call is
     * logged and no failure is injected.
     *
     * @return what was stored, removed and refused
     * @throws IllegalArgumentException for an unknown data space, an unregistered feed or too many items
     */
    public FeedResult addItems(String dataSpaceId, Feed feed, List<? extends Map<String, ?>> items) {
        Objects.requireNonNull(feed, "feed");
        if (!runtime.account().feeds().contains(feed)) {
            throw new IllegalArgumentException("Feed " + feed.name() + " at " + feed.route() + " is not served by "
                    + "this account: registerFeed(feed) first");
        }
        try {
            return runtime.account().acceptFeed(dataSpaceId, feed.route(), List.copyOf(items));
        } catch (AccountError refused) {
            throw new IllegalArgumentException(refused.getMessage());
        }
    }

    /**
     * Lets the account accept signatures by the private half of {@code publicKey} under this API key
     * id (for {@link CredentialStore#validate} and the {@link FakeGateway}).
     */
    public void registerKey(ApiKey apiKey, PublicKey publicKey) {
        runtime.account().registerKey(Objects.requireNonNull(apiKey, "apiKey").value(), publicKey);
    }

    /** Stops accepting an API key id; returns whether it was registered. */
    public boolean unregisterKey(ApiKey apiKey) {
        return runtime.account().unregisterKey(Objects.requireNonNull(apiKey, "apiKey").value());
    }

    /**
     * Serves a custom feed (or another route for a built-in one, replacing the feed of the same name).
     * Feeds sharing a route are told apart by the identity fields an item carries.
     */
    public void registerFeed(Feed feed) {
        runtime.account().registerFeed(Objects.requireNonNull(feed, "feed"));
    }

    /** The feeds this account serves. */
    public List<Feed> feeds() {
        return runtime.account().feeds();
    }

    /**
     * Sets the most items one feed request may carry ({@code 413} above it); {@code 0} restores each
     * feed's {@link Feed#defaultBatchSize()}.
     */
    public void itemLimit(int limit) {
        runtime.account().setItemLimit(limit);
    }

    /**
     * Turns schema mode on or off (default off): items of the feeds the exporter's schema names
     * ({@code exporter-schema.json}, carried by this testkit) are then held against it, and an item with a field
     * the schema does not have, or a value not of the schema's JSON type, is refused with one entry per field,
     * {@code {"field": "/<n>/<name>", "message": ...}}. So a test sees at once a field name the exporter would not
     * know. Applies to the in-memory catalog client and every {@link FakeGateway} on this account.
     */
    public void checkSchema(boolean on) {
        runtime.account().setCheckSchema(on);
    }

    /**
     * Forgets everything the account and this installation hold: projects, data spaces, items,
     * registered API keys, stored credentials, the selection, injected failures, the call log and the
     * catalog sync state. The configuration (edition, environment, installation, feeds, limits) and the
     * clock stay.
     */
    public void reset() {
        runtime.reset();
        credentials.clear();
        syncState.clear();
    }

    /**
     * Closes the in-memory clients: later calls through them throw {@link IllegalStateException}. The
     * test hooks keep working, and a {@link FakeGateway} on this account has its own {@code close}.
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        runtime.gate().close();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Shows the configuration and the number of projects; never key material. */
    @Override
    public String toString() {
        return "FakeCommerceServices[" + environment().wireName() + ", " + installation().configName() + ", "
                + edition().displayName() + ", " + runtime.account().projects().size() + " projects]";
    }

    /** The runtime shared with a {@link FakeGateway} and the catalog sync fake. */
    FakeRuntime runtime() {
        return runtime;
    }

    /** Configures a {@link FakeCommerceServices}. */
    public static final class Builder {
        private Environment environment = Environment.SANDBOX;
        private Installation installation = Installation.NON_PRODUCTION;
        private Edition edition = Edition.ADOBE_COMMERCE;
        private TestClock clock = TestClock.system();
        private String overrideReason;
        private int projectLimit = Integer.MAX_VALUE;
        private int itemLimit;
        private boolean checkSchema;

        private Builder() {
        }

        /** The environment the fake stands for; default {@link Environment#SANDBOX}. */
        public Builder environment(Environment value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /** The installation kind; default {@link Installation#NON_PRODUCTION}, the safe choice for tests. */
        public Builder installation(Installation value) {
            this.installation = Objects.requireNonNull(value, "installation");
            return this;
        }

        /** The license's edition; default {@link Edition#ADOBE_COMMERCE}. */
        public Builder edition(Edition value) {
            this.edition = Objects.requireNonNull(value, "edition");
            return this;
        }

        /** The clock; default a {@link TestClock#system()} clock. */
        public Builder clock(TestClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Lets a non-production installation select and clean up production data spaces; every use is
         * logged at WARN with the reason.
         *
         * @throws IllegalArgumentException if the reason is blank
         */
        public Builder allowProductionDataSpace(String reason) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("Give the reason for allowing the production data space: it is "
                        + "logged with every use");
            }
            this.overrideReason = reason.strip();
            return this;
        }

        /** How many SaaS projects the license allows (a create beyond it is a conflict); default unlimited. */
        public Builder projectLimit(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("projectLimit " + value + " must be at least 1");
            }
            this.projectLimit = value;
            return this;
        }

        /** The most items per feed request; default {@code 0}, each feed's default batch size. */
        public Builder itemLimit(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("itemLimit " + value + " is negative: use 0 for the feeds' "
                        + "default batch sizes");
            }
            this.itemLimit = value;
            return this;
        }

        /** Schema mode ({@link FakeCommerceServices#checkSchema}); default off. */
        public Builder checkSchema(boolean value) {
            this.checkSchema = value;
            return this;
        }

        /** Builds the fake with an empty account. */
        public FakeCommerceServices build() {
            return new FakeCommerceServices(this);
        }
    }
}
