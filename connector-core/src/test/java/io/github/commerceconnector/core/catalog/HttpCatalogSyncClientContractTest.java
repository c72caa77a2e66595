package io.github.commerceconnector.core.catalog;

import io.github.commerceconnector.core.testsupport.HttpClientOnFakeGateway;
import io.github.commerceconnector.testkit.contract.CatalogSyncClientContract;
import io.github.commerceconnector.testkit.contract.ContractFixture;
import io.github.commerceconnector.testkit.contract.FixtureSpec;

/**
 * The HTTP catalog sync client, with file state, against the fake gateway (2 requests a second, timed by
 * the account's standing clock, which the client's waits move) passes the catalog sync contract.
 */
class HttpCatalogSyncClientContractTest extends CatalogSyncClientContract {

    @Override
    protected ContractFixture openFixture(FixtureSpec spec) {
        return HttpClientOnFakeGateway.open(spec);
    }
}
