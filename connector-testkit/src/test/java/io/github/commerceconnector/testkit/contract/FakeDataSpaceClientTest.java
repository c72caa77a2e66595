package io.github.commerceconnector.testkit.contract;

/** The in-memory data space client passes the data space client contract. */
class FakeDataSpaceClientTest extends DataSpaceClientContract {

    @Override
    protected ContractFixture openFixture(FixtureSpec spec) {
        return new FakeAccountFixture(spec);
    }
}
