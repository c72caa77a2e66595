package io.github.commerceconnector.core.internal.catalog;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.Readiness.Check;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.FeedStatus;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.KeyCheck;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.core.internal.guard.DataSpaceGuard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@code readiness(service)}: whether a Commerce Service can work for this store, checking in order
 * the edition, the keys (present, production keys where the service needs them, and accepted by the
 * gateway's key check), the selected data space and its feature set, the data-space guard, and, for services
 * built on catalog sync, that the products feed was fully synced with nothing left to retry. Each check says
 * what was found and the next step. Changes nothing: it only reads (the key check and the data space are
 * {@code GET}s).
 */
final class ServiceReadiness {
    private final Environment environment;
    private final Edition edition;
    private final CredentialStore credentials;
    private final DataSpaceClient dataSpaces;
    private final DataSpaceGuard guard;
    private final CatalogSyncClient catalog;

    ServiceReadiness(Environment environment, Edition edition, CredentialStore credentials, DataSpaceClient dataSpaces,
            DataSpaceGuard guard, CatalogSyncClient catalog) {
        this.environment = environment;
        this.edition = edition;
        this.credentials = credentials;
        this.dataSpaces = dataSpaces;
        this.guard = guard;
        this.catalog = catalog;
    }

    Readiness check(CommerceService service) {
        String name = service.displayName();
        List<Check> checks = new ArrayList<>();
        checks.add(service.availableFor(edition)
                ? Check.pass("edition", name + " is available for " + edition.displayName())
                : Check.fail("edition", name + " is not sold for " + edition.displayName(),
                        "Use an Adobe Commerce license: " + name + " is sold for " + service.editions()));
        checks.addAll(keyChecks(service));
        Optional<SaasIdentity> selected = dataSpaces.current();
        if (selected.isEmpty()) {
            checks.add(Check.fail("data space", "No data space is selected",
                    "Select one with dataSpaces().select(projectId, dataSpaceId)"));
            return new Readiness(service, checks);
        }
        SaasIdentity selection = selected.get();
        checks.add(Check.pass("data space", "Data space " + selection.dataSpaceId() + " ("
                + selection.dataSpaceName() + ", " + selection.dataSpaceType().wireName() + ") of project "
                + selection.projectName() + " is selected"));
        checks.add(featureSetCheck(service, selection));
        checks.add(guardCheck(selection));
        if (service.usesCatalogSync()) {
            checks.add(catalogCheck(service));
        }
        return new Readiness(service, checks);
    }

    private List<Check> keyChecks(CommerceService service) {
        List<Check> checks = new ArrayList<>();
        if (service.productionKeysOnly() && environment != Environment.PRODUCTION) {
            checks.add(Check.fail("production keys", service.displayName() + " accepts production keys only; this "
                    + "client signs with the " + environment.wireName() + " keys",
                    "Build the client with Environment.PRODUCTION and the production key pair (production keys "
                            + "reach testing data spaces too)"));
        }
        if (credentials.find(environment).isEmpty()) {
            checks.add(Check.fail("keys", "No " + environment.wireName() + " keys are stored",
                    "Store the " + environment.wireName() + " API key and private key with credentials().put(...)"));
            return checks;
        }
        try {
            KeyCheck keyCheck = credentials.validate(environment);
            checks.add(keyCheck.valid() && keyCheck.gatewayConfirmed()
                    ? Check.pass("keys", "The gateway accepts the " + environment.wireName() + " keys")
                    : Check.fail("keys", keyCheck.message(), "Fix the " + environment.wireName() + " key pair: "
                            + keyCheck.message()));
        } catch (ConnectorException e) {
            checks.add(Check.fail("keys", "The key check failed: " + e.getMessage(),
                    "Check the network and the keys, then ask again"));
        }
        return checks;
    }

    private Check featureSetCheck(CommerceService service, SaasIdentity selection) {
        DataSpace dataSpace;
        try {
            dataSpace = dataSpaces.get(selection.dataSpaceId());
        } catch (ConnectorException e) {
            return Check.fail("feature set", "Could not read data space " + selection.dataSpaceId() + ": "
                    + e.getMessage(), "Check the selection and the keys, then ask again");
        }
        String featureSet = dataSpace.featureSet();
        boolean listed = featureSet != null && Arrays.stream(featureSet.split(","))
                .anyMatch(service::matchesFeatureSet);
        return listed
                ? Check.pass("feature set", "The data space's feature set (" + featureSet + ") includes "
                        + service.displayName())
                : Check.fail("feature set", "The data space's feature set (" + (featureSet == null ? "none"
                        : featureSet) + ") does not include " + service.displayName(),
                        "Enable " + service.displayName() + " for this SaaS project in the Commerce Services "
                                + "Connector of the license owner's Adobe account");
    }

    private Check guardCheck(SaasIdentity selection) {
        try {
            guard.permit(DataSpaceGuard.Action.SYNC, selection.dataSpaceId(), selection.dataSpaceType());
            return Check.pass("data-space guard", "This " + guard.installation().configName()
                    + " installation may write to the " + selection.dataSpaceType().wireName() + " data space");
        } catch (DataSpaceGuardException e) {
            return Check.fail("data-space guard", e.getMessage(), "Select a testing data space of the project");
        }
    }

    private Check catalogCheck(CommerceService service) {
        FeedStatus status;
        try {
            status = catalog.status(Feed.PRODUCTS);
        } catch (SyncLockedException e) {
            return Check.fail("catalog", "A sync of the products feed is running now",
                    "Ask again when it finishes");
        }
        if (status.lastSync() == null) {
            return Check.fail("catalog", "The products feed was never fully synced into this data space",
                    "Run catalog().sync(Feed.PRODUCTS, products) (and the other feeds " + service.displayName()
                            + " uses: categories, prices, product attributes)");
        }
        if (status.unconfirmed() > 0) {
            return Check.fail("catalog", status.unconfirmed() + " products were sent by a sync that stopped before "
                    + "their answers were recorded", "Run catalog().sync(Feed.PRODUCTS, products) again to settle them");
        }
        if (status.retryable() > 0) {
            return Check.fail("catalog", status.retryable() + " products wait to be resent",
                    "Run catalog().retryFailed(Feed.PRODUCTS) once the gateway answers again");
        }
        return Check.pass("catalog", status.accepted() + " products synced (last full sync " + status.lastSync()
                + (status.rejected() > 0 ? "; " + status.rejected() + " rejected, see catalog().status(...)" : "")
                + ")");
    }
}
