package io.github.commerceconnector.core.reliability;

import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.core.credentials.CredentialStores;
import io.github.commerceconnector.core.testsupport.secrets.SecretRegistry;
import io.github.commerceconnector.testkit.FailureInjector;
import io.github.commerceconnector.testkit.FakeCall;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FakeOperation;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.net.URI;
import java.util.function.Predicate;

/** The fault matrix's fake gateway: the testkit's, on the system clock, without its rate limit. */
final class FakeGatewayFaultServer implements FaultServer {
    private final FakeCommerceServices account = FakeCommerceServices.builder().clock(TestClock.system())
            .checkSchema(true).build();
    private final FakeGateway gateway = FakeGateway.builder().services(account).noRateLimit().start();
    private final SaasProject project = account.addProject("Shop");
    private final CredentialStore credentials = CredentialStores.inMemory();

    FakeGatewayFaultServer() {
        ServiceCredentials keys = TestKeys.credentialsFor(gateway);
        SecretRegistry.credentials("fault matrix keys", keys);
        credentials.put(keys);
    }

    @Override
    public URI baseUri() {
        return gateway.baseUri();
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public String projectId() {
        return project.id();
    }

    @Override
    public String dataSpaceId() {
        return project.testingDataSpaces().get(0).id();
    }

    @Override
    public void fail(Call call, WireFault fault, int times) {
        Predicate<FakeCall> matches = call == Call.REGISTRY ? request -> request.is(FakeOperation.LIST_REGISTRY)
                : request -> request.is(FakeOperation.SEND_FEED);
        FailureInjector.Target target = gateway.failures().when(matches);
        (times == 0 ? target : target.times(times)).respond(fault.fake());
    }

    @Override
    public void heal() {
        gateway.failures().clear();
    }

    @Override
    public int requests(Call call) {
        String path = call == Call.REGISTRY ? "merchant-registry/v1/registry" : "feeds/";
        return (int) gateway.requests().stream().filter(request -> call == Call.REGISTRY
                ? request.path().equals(path) : request.path().startsWith(path)).count();
    }

    @Override
    public int itemsHeld() {
        return account.items(dataSpaceId(), Feed.PRODUCTS).size();
    }

    @Override
    public void close() {
        gateway.close();
        account.close();
    }
}
