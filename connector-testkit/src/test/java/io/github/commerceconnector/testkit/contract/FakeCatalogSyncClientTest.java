package io.github.commerceconnector.testkit.contract;

/** The in-memory fake catalog sync client passes the catalog sync contract. */
class FakeCatalogSyncClientTest extends CatalogSyncClientContract {

    @Override
    protected ContractFixture openFixture(FixtureSpec spec) {
        return new FakeAccountFixture(spec);
    }
}
