package io.github.commerceconnector.examples;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.CatalogSyncPlan;
import io.github.commerceconnector.api.catalog.CatalogSyncReport;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedItem;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.catalog.SyncListener;
import io.github.commerceconnector.api.catalog.SyncProgress;
import io.github.commerceconnector.api.catalog.SyncReport;
import io.github.commerceconnector.api.catalog.SyncWait;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The quickstart: the whole connector flow in one run. Keys, key check, projects, data spaces, the
 * data-space guard refusing the production data space, a sync of a realistic catalog into every feed (product
 * attributes, categories, products, scopes, prices, product overrides, variants, category permissions, stock
 * statuses, ratings, reviews) in one {@link CatalogSyncPlan}, in the Admin dashboard's order, with progress, a
 * re-sync after 1% of the products changed that sends only those, and the feeds' status. By default against the
 * testkit's fake gateway on loopback, in schema mode; with {@code --endpoint} against any gateway speaking the
 * protocol. Run with {@code --help} for the options.
 *
 * <p>Exit code 0 on success, 1 on a failure, 2 on bad options; failures print one clear message.
 */
public final class Quickstart {
    /** The name prefix of the temporary state directory used when no {@code --state-dir} is given. */
    static final String TEMPORARY_STATE_PREFIX = "connector-quickstart-";

    /** The feeds whose routes are not public: a gateway may not serve them at this SDK's assumed route. */
    private static final Set<Feed> ASSUMED_ROUTES = Set.of(Feed.VARIANTS, Feed.INVENTORY_STOCK_STATUS, Feed.REVIEWS,
            Feed.RATING_METADATA, Feed.PRODUCT_OVERRIDES, Feed.CATEGORY_PERMISSIONS);

    private final QuickstartOptions options;
    private final PrintStream out;
    private final boolean terminal;
    private final List<String[]> summary = new ArrayList<>();
    private final Set<Feed> synced = new LinkedHashSet<>();
    private int step;

    private Quickstart(QuickstartOptions options, PrintStream out, boolean terminal) {
        this.options = options;
        this.out = out;
        this.terminal = terminal;
    }

    /** Runs the quickstart and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * Runs the quickstart.
     *
     * @return 0 on success, 1 on failure, 2 on bad options
     */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        QuickstartOptions options;
        try {
            options = QuickstartOptions.parse(args);
        } catch (ConnectorException e) {
            err.println("quickstart: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println(QuickstartOptions.USAGE);
            return 0;
        }
        try {
            new Quickstart(options, out, terminal).run();
            return 0;
        } catch (ConnectorException | IOException | IllegalStateException e) {
            out.println();
            err.println("quickstart failed: " + e.getMessage());
            return 1;
        }
    }

    private void run() throws IOException {
        if (options.stateDirectory() != null) {
            run(options.stateDirectory());
            return;
        }
        Path stateDirectory = Files.createTempDirectory(TEMPORARY_STATE_PREFIX);
        try {
            run(stateDirectory);
        } finally {
            deleteTree(stateDirectory);
        }
    }

    /** Deletes a state directory the quickstart made for itself (its keys and sync state are of no further use). */
    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void run(Path stateDirectory) throws IOException {
        if (options.endpoint() == null) {
            FakeGatewayOptions behaviour = options.fakeGateway();
            try (FakeGateway gateway = behaviour.applyTo(FakeGateway.builder().environment(options.environment())
                    .checkSchema(true).feedChaos(behaviour.chaos())).start()) {
                step("Started the fake gateway at " + gateway.baseUri() + " (in-process, 127.0.0.1; it holds every "
                        + "item against the exporter's schema)" + (behaviour.customized() ? describe(behaviour) : ""));
                ServiceCredentials credentials = TestKeys.credentialsFor(gateway);
                step("Generated an RSA-2048 key pair; API key " + credentials.apiKey()
                        + " registered with the fake gateway");
                SaasIdentity target = flow(gateway.baseUri(), credentials, stateDirectory);
                checkWhatTheGatewayHolds(gateway, target);
            }
        } else {
            ServiceCredentials credentials = ServiceCredentials.of(options.environment(), options.apiKey(),
                    Files.readString(options.privateKeyFile()));
            step("Loaded the " + options.environment().wireName() + " key pair, API key " + credentials.apiKey());
            flow(options.endpoint(), credentials, stateDirectory);
        }
    }

    private static String describe(FakeGatewayOptions behaviour) {
        String rate = behaviour.rate() == 0 ? "no limit of"
                : String.format(Locale.ROOT, "at most %.1f", behaviour.rate());
        String retryAfter = behaviour.retryAfter() == null ? ""
                : " (429 with Retry-After: " + behaviour.retryAfter().toSeconds() + ")";
        String latency = behaviour.latency().isZero() ? ""
                : ", every reply after " + behaviour.latency().toMillis() + " ms";
        return String.format(Locale.ROOT, "%n      %s requests/s per data space%s, %s%s", rate, retryAfter,
                behaviour.chaos(), latency);
    }

    /** What the fake gateway saw: it must hold exactly the catalog, and no request came inside a Retry-After. */
    private void checkWhatTheGatewayHolds(FakeGateway gateway, SaasIdentity target) {
        int held = gateway.services().items(target.dataSpaceId(), Feed.PRODUCTS).size();
        long feedRequests = gateway.requests().stream().filter(request -> request.path().startsWith("feeds/"))
                .count();
        long throttled = gateway.requests().stream().filter(request -> request.path().startsWith("feeds/")
                && request.status() == 429).count();
        long inside = gateway.requestsInsideRetryAfter();
        step(String.format(Locale.ROOT, "The fake gateway holds %,d products; it received %,d feed requests, "
                + "answered %,d with 429, and %,d arrived inside a Retry-After window", held, feedRequests, throttled,
                inside));
        if (held != options.products() || inside != 0) {
            throw new IllegalStateException("the fake gateway holds " + held + " products for a catalog of "
                    + options.products() + ", and " + inside + " requests arrived inside a Retry-After window");
        }
    }

    private SaasIdentity flow(URI endpoint, ServiceCredentials credentials, Path stateDirectory) {
        CredentialStore store = CredentialStores.inMemory();
        store.put(credentials);
        Environment environment = options.environment();
        try (CommerceServices services = CommerceServicesClient.builder()
                .environment(environment)
                .credentials(store)
                .installation(options.installation())
                .endpoint(endpoint)
                .stateDirectory(stateDirectory)
                .build()) {
            KeyCheck check = services.credentials().validate(environment);
            if (!check.valid()) {
                throw new IllegalStateException("the gateway refused the keys: " + check.message());
            }
            step("Key check passed: the gateway accepts the " + environment.wireName() + " keys");

            List<SaasProject> projects = services.projects().list();
            step("Found " + projects.size() + " SaaS project(s)" + names(projects));
            SaasProject project = projects.stream().filter(p -> p.name().equals(options.projectName())).findFirst()
                    .orElse(null);
            if (project == null) {
                project = services.projects().create(options.projectName());
                step("Created project '" + project.name() + "' (" + project.id() + ")");
            } else {
                step("Using project '" + project.name() + "' (" + project.id() + ")");
            }

            List<DataSpace> dataSpaces = services.dataSpaces().list(project.id());
            step("Project has " + dataSpaces.size() + " data space(s):");
            for (DataSpace dataSpace : dataSpaces) {
                out.println("      " + dataSpace.type().wireName() + "  " + dataSpace.name() + "  " + dataSpace.id());
            }
            DataSpace target = chooseDataSpace(services, project, dataSpaces);
            SaasIdentity identity = services.dataSpaces().select(project.id(), target.id());
            step("Selected data space '" + identity.dataSpaceName() + "' (" + identity.dataSpaceType().wireName()
                    + "); saved in " + stateDirectory);

            CatalogGenerator catalog = new CatalogGenerator();
            int count = options.products();
            Map<Feed, Collection<? extends FeedItem>> wholeCatalog = new LinkedHashMap<>();
            wholeCatalog.put(Feed.PRODUCT_ATTRIBUTES, catalog.productAttributes());
            wholeCatalog.put(Feed.SCOPES_WEBSITE, catalog.websites());
            wholeCatalog.put(Feed.SCOPES_CUSTOMER_GROUP, catalog.customerGroups());
            wholeCatalog.put(Feed.CATEGORIES, catalog.categories());
            wholeCatalog.put(Feed.PRODUCTS, catalog.products(count));
            wholeCatalog.put(Feed.VARIANTS, catalog.variants(count));
            wholeCatalog.put(Feed.PRICES, catalog.prices(count));
            wholeCatalog.put(Feed.PRODUCT_OVERRIDES, catalog.productOverrides(count));
            wholeCatalog.put(Feed.CATEGORY_PERMISSIONS, catalog.categoryPermissions());
            wholeCatalog.put(Feed.INVENTORY_STOCK_STATUS, catalog.stockStatuses(count));
            wholeCatalog.put(Feed.RATING_METADATA, catalog.ratingMetadata());
            wholeCatalog.put(Feed.REVIEWS, catalog.reviews(count));
            SyncReport first = syncAll(services, wholeCatalog).get(Feed.PRODUCTS);
            SyncReport second = sync(services, Feed.PRODUCTS, catalog.products(count, 1),
                    "Re-synced products after 1% changed");
            long expected = countChanged(count);
            if (second.sent() != expected) {
                throw new IllegalStateException("the re-sync sent " + second.sent() + " products, expected the "
                        + expected + " that changed");
            }
            out.println(String.format(Locale.ROOT, "      only the %,d changed products were sent (%,d before)",
                    second.sent(), first.sent()));

            step("Status of the feeds in '" + identity.dataSpaceName() + "':");
            for (Feed feed : synced) {
                FeedStatus status = services.catalog().status(feed);
                out.println(String.format(Locale.ROOT, "      %-20s %,9d accepted %,6d rejected %,6d retryable",
                        feed.name(), status.accepted(), status.rejected(), status.retryable()));
            }
            printSummary();
            return identity;
        }
    }

    private DataSpace chooseDataSpace(CommerceServices services, SaasProject project, List<DataSpace> dataSpaces) {
        Optional<DataSpace> production = dataSpaces.stream().filter(DataSpace::isProduction).findFirst();
        Optional<DataSpace> testing = dataSpaces.stream().filter(d -> !d.isProduction()).findFirst();
        if (options.installation() == Installation.NON_PRODUCTION && production.isPresent()) {
            try {
                services.dataSpaces().select(project.id(), production.get().id());
                throw new IllegalStateException("the data-space guard let a non-production installation select "
                        + "the production data space");
            } catch (DataSpaceGuardException refused) {
                step("Guard: selecting the production data space from a non-production installation was refused");
                out.println("      \"" + refused.getMessage() + "\"");
            }
        }
        if (testing.isPresent()) {
            return testing.get();
        }
        if (options.installation() == Installation.PRODUCTION && production.isPresent()) {
            return production.get();
        }
        throw new IllegalStateException("project '" + project.name() + "' has no testing data space (Magento Open "
                + "Source projects have none): run with --installation production to use its production data space");
    }

    /**
     * Syncs the whole catalog in one {@link CatalogSyncPlan}, in the dashboard's order, with progress and one line
     * per feed. A gateway that does not serve a feed whose route is not public (the routes of
     * {@link #ASSUMED_ROUTES} are this SDK's assumption) stops the plan at that feed: it is reported as skipped and
     * the feeds after it are synced by a plan of their own. Any other failing feed ends the quickstart.
     *
     * @return the report of each feed synced
     */
    private Map<Feed, SyncReport> syncAll(CommerceServices services, Map<Feed, Collection<? extends FeedItem>> feeds) {
        step("Syncing the whole catalog, " + feeds.size() + " feeds, in the Admin dashboard's order:");
        Map<Feed, Collection<? extends FeedItem>> remaining = new LinkedHashMap<>(feeds);
        Map<Feed, SyncReport> reports = new LinkedHashMap<>();
        while (!remaining.isEmpty()) {
            CatalogSyncPlan.Builder plan = CatalogSyncPlan.builder();
            remaining.forEach((feed, items) -> plan.feed(feed, () -> items));
            FeedLines lines = new FeedLines(remaining);
            CatalogSyncReport report = plan.build().run(services.catalog(), lines);
            lines.done();
            report.feeds().forEach(done -> {
                reports.put(done.feed(), done);
                remaining.remove(done.feed());
            });
            if (report.isComplete()) {
                break;
            }
            Feed failed = report.stoppedAt().orElseThrow();
            RuntimeException failure = report.failure().orElse(null);
            if (failure instanceof NotFoundException && ASSUMED_ROUTES.contains(failed)) {
                step("Synced " + title(failed) + ": skipped, this gateway does not serve " + failed.route()
                        + " (an assumed route; CatalogSyncSettings.withRoute sets another)");
                remaining.remove(failed);
            } else if (failure != null) {
                throw failure;
            } else {
                throw new IllegalStateException("the whole-catalog sync stopped at " + report.stopReason().orElseThrow()
                        + "; not synced: " + report.notRun().stream().map(Feed::name).toList());
            }
        }
        return reports;
    }

    /** Prints the progress of each feed of a plan as it runs, and one line per feed when it ends. */
    private final class FeedLines implements SyncListener {
        private final Map<Feed, Collection<? extends FeedItem>> feeds;
        private ProgressPrinter progress;
        private String feedName;

        FeedLines(Map<Feed, Collection<? extends FeedItem>> feeds) {
            this.feeds = feeds;
        }

        private ProgressPrinter printerFor(Feed feed) {
            if (progress == null || !feed.name().equals(feedName)) {
                done();
                feedName = feed.name();
                Collection<? extends FeedItem> items = feeds.get(feed);
                progress = new ProgressPrinter(out, terminal, items == null ? 0 : items.size());
            }
            return progress;
        }

        @Override
        public void progress(SyncProgress value) {
            printerFor(value.feed()).progress(value);
        }

        @Override
        public void waiting(SyncWait wait) {
            printerFor(wait.feed()).waiting(wait);
        }

        @Override
        public void resumed(Feed feed, Duration waited) {
            printerFor(feed).resumed(feed, waited);
        }

        @Override
        public void finished(SyncReport report) {
            done();
            reportLine(report, "Synced " + title(report.feed()));
        }

        void done() {
            if (progress != null) {
                progress.done();
                progress = null;
            }
        }
    }

    /** What the quickstart's lines call a feed. */
    private static String title(Feed feed) {
        return switch (feed.name()) {
            case "productAttributes" -> "product attributes";
            case "scopesWebsite" -> "websites";
            case "scopesCustomerGroup" -> "customer groups";
            case "inventoryStockStatus" -> "stock statuses";
            case "ratingMetadata" -> "ratings";
            case "productOverrides" -> "product overrides";
            case "categoryPermissions" -> "category permissions";
            default -> feed.name();
        };
    }

    /**
     * Syncs a feed with progress. A gateway that does not serve a feed whose route is not public (the routes of
     * {@link #ASSUMED_ROUTES} are this SDK's assumption) is reported and skipped, not a failure.
     */
    private SyncReport sync(CommerceServices services, Feed feed, Collection<? extends FeedItem> items, String title) {
        ProgressPrinter progress = new ProgressPrinter(out, terminal, items.size());
        SyncReport report;
        try {
            report = services.catalog().sync(feed, items, progress);
        } catch (NotFoundException notServed) {
            if (!ASSUMED_ROUTES.contains(feed)) {
                throw notServed;
            }
            progress.done();
            step(title + ": skipped, this gateway does not serve " + feed.route() + " (an assumed route; "
                    + "Feed.withRoute sets another)");
            return null;
        }
        progress.done();
        reportLine(report, title);
        if (!report.isComplete()) {
            throw new IllegalStateException(feed.name() + " did not sync completely: " + report.rejectedCount()
                    + " rejected, " + report.retryable() + " retryable; first rejection: "
                    + (report.rejected().isEmpty() ? "none" : report.rejected().get(0)));
        }
        return report;
    }

    /** Prints one line for a feed's call and adds it to the summary. */
    private void reportLine(SyncReport report, String title) {
        synced.add(report.feed());
        step(String.format(Locale.ROOT, "%s: %,d read, %,d sent, %,d unchanged, %,d rejected, %,d retryable, "
                + "%,d requests, %,d KiB in %.1f s", title, report.processed(), report.sent(), report.unchanged(),
                report.rejectedCount(), report.retryable(), report.requests(), report.bytesSent() / 1024,
                report.duration().toMillis() / 1000.0));
        summary.add(new String[] {title, Long.toString(report.processed()), Long.toString(report.sent()),
            Long.toString(report.unchanged()), Long.toString(report.rejectedCount()),
            Long.toString(report.requests()), Long.toString(report.bytesSent() / 1024),
            String.format(Locale.ROOT, "%.1f", report.duration().toMillis() / 1000.0)});
    }

    private static long countChanged(int count) {
        long changed = 0;
        for (int index = 0; index < count; index++) {
            if (CatalogGenerator.changesInRevision(index)) {
                changed++;
            }
        }
        return changed;
    }

    private void printSummary() {
        out.println();
        String format = "%-38s %10s %10s %10s %9s %9s %9s %7s%n";
        out.printf(Locale.ROOT, format, "step", "read", "sent", "unchanged", "rejected", "requests", "KiB", "s");
        for (String[] row : summary) {
            out.printf(Locale.ROOT, format, (Object[]) row);
        }
        out.println();
        out.println("Quickstart finished: every step passed.");
    }

    private void step(String text) {
        out.println(String.format(Locale.ROOT, "[%2d] %s", ++step, text));
    }

    private static String names(List<SaasProject> projects) {
        if (projects.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(":");
        projects.forEach(p -> text.append(" '").append(p.name()).append('\''));
        return text.toString();
    }
}
