package io.github.commerceconnector.testkit.contract;

/** The in-memory project client passes the project client contract. */
class FakeSaasProjectClientTest extends SaasProjectClientContract {

    @Override
    protected ContractFixture openFixture(FixtureSpec spec) {
        return new FakeAccountFixture(spec);
    }
}
