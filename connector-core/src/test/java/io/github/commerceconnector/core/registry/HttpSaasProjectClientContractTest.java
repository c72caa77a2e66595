package io.github.commerceconnector.core.registry;

import io.github.commerceconnector.core.testsupport.HttpClientOnFakeGateway;
import io.github.commerceconnector.testkit.contract.ContractFixture;
import io.github.commerceconnector.testkit.contract.FixtureSpec;
import io.github.commerceconnector.testkit.contract.SaasProjectClientContract;

/** The HTTP project client against the fake gateway passes the same contract as the in-memory fake. */
class HttpSaasProjectClientContractTest extends SaasProjectClientContract {

    @Override
    protected ContractFixture openFixture(FixtureSpec spec) {
        return HttpClientOnFakeGateway.open(spec);
    }
}
