package io.github.commerceconnector.testkit.internal.catalog;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.Readiness.Check;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.testkit.internal.fake.FakeRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fake's {@code readiness(service)}, with the checks of the real client in the same order and under the
 * same names: edition, production keys, keys, data space, feature set, data-space guard, catalog. The fake
 * registry leaves {@code featureSet} empty unless a test sets it, so the feature set check fails there.
 */
public final class FakeReadiness {
    private final FakeRuntime runtime;
    private final CredentialStore credentials;
    private final CatalogSyncClient catalog;

    /** Readiness over a runtime, its key store and its catalog client. */
    public FakeReadiness(FakeRuntime runtime, CredentialStore credentials, CatalogSyncClient catalog) {
        this.runtime = runtime;
        this.credentials = credentials;
        this.catalog = catalog;
    }

    /** Every check for a service; changes nothing. */
    public Readiness check(CommerceService service) {
        String name = service.displayName();
        List<Check> checks = new ArrayList<>();
        checks.add(service.availableFor(runtime.account().edition())
                ? Check.pass("edition", name + " is available for " + runtime.account().edition().displayName())
                : Check.fail("edition", name + " is not sold for " + runtime.account().edition().displayName(),
                        "Use an Adobe Commerce license: " + name + " is sold for " + service.editions()));
        if (service.productionKeysOnly() && runtime.environment() != Environment.PRODUCTION) {
            checks.add(Check.fail("production keys", name + " accepts production keys only",
                    "Build the client with Environment.PRODUCTION and the production key pair"));
        }
        if (credentials.find(runtime.environment()).isEmpty()) {
            checks.add(Check.fail("keys", "No " + runtime.environment().wireName() + " keys are stored",
                    "Store the API key and private key with credentials().put(...)"));
        } else {
            KeyCheck keyCheck = credentials.validate(runtime.environment());
            checks.add(keyCheck.valid() ? Check.pass("keys", keyCheck.message())
                    : Check.fail("keys", keyCheck.message(), "Fix the key pair: " + keyCheck.message()));
        }
        Optional<SaasIdentity> selected = runtime.selection();
        if (selected.isEmpty()) {
            checks.add(Check.fail("data space", "No data space is selected",
                    "Select one with dataSpaces().select(projectId, dataSpaceId)"));
            return new Readiness(service, checks);
        }
        checks.add(Check.pass("data space", "Data space " + selected.get().dataSpaceId() + " is selected"));
        DataSpace dataSpace = runtime.account().requireDataSpace(selected.get().dataSpaceId());
        String featureSet = dataSpace.featureSet();
        boolean listed = featureSet != null && Arrays.stream(featureSet.split(",")).anyMatch(service::matchesFeatureSet);
        checks.add(listed ? Check.pass("feature set", "The feature set includes " + name)
                : Check.fail("feature set", "The data space's feature set (" + (featureSet == null ? "none"
                        : featureSet) + ") does not include " + name, "Enable " + name + " for this SaaS project"));
        try {
            runtime.guard().check(dataSpace, "sync to");
            checks.add(Check.pass("data-space guard", "This installation may write to the data space"));
        } catch (DataSpaceGuardException e) {
            checks.add(Check.fail("data-space guard", e.getMessage(), "Select a testing data space of the project"));
        }
        if (service.usesCatalogSync()) {
            checks.add(catalogCheck());
        }
        return new Readiness(service, checks);
    }

    private Check catalogCheck() {
        FeedStatus status;
        try {
            status = catalog.status(Feed.PRODUCTS);
        } catch (SyncLockedException e) {
            return Check.fail("catalog", "A sync of the products feed is running now", "Ask again when it finishes");
        }
        if (status.lastSync() == null) {
            return Check.fail("catalog", "The products feed was never fully synced into this data space",
                    "Run catalog().sync(Feed.PRODUCTS, products)");
        }
        if (status.unconfirmed() > 0) {
            return Check.fail("catalog", status.unconfirmed() + " products were sent by a sync that stopped before "
                    + "their answers were recorded", "Run catalog().sync(Feed.PRODUCTS, products) again to settle them");
        }
        if (status.retryable() > 0) {
            return Check.fail("catalog", status.retryable() + " products wait to be resent",
                    "Run catalog().retryFailed(Feed.PRODUCTS)");
        }
        return Check.pass("catalog", status.accepted() + " products synced");
    }
}
