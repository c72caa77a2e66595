package io.github.commerceconnector.core.registry;

import io.github.commerceconnector.core.testsupport.HttpClientOnFakeGateway;
import io.github.commerceconnector.testkit.contract.ContractFixture;
import io.github.commerceconnector.testkit.contract.DataSpaceClientContract;
import io.github.commerceconnector.testkit.contract.FixtureSpec;

/**
 * The HTTP data-space client against the fake gateway, with its selection in a state directory, passes
 * the same contract as the in-memory fake, including a selection that survives a restart.
 */
class HttpDataSpaceClientContractTest extends DataSpaceClientContract {

    @Override
    protected ContractFixture openFixture(FixtureSpec spec) {
        return HttpClientOnFakeGateway.open(spec);
    }
}
