package io.github.commerceconnector.core.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.core.gateway.Registry;
import io.github.commerceconnector.core.gateway.TestClients;
import java.net.URI;

/** The fault matrix's WireMock gateway: one server for the class, reset for every test. */
final class WireMockFaultServer implements FaultServer {
    private static final String LIST = "/merchant-registry/v1/registry";
    private static final String FEED = "/feeds/catalog/v2/products/" + Registry.TESTING_SPACE;
    private static final String LIST_REPLY = Registry.results(Registry.standardProject());
    private static final String FEED_REPLY = "{}";

    private final WireMockServer server;
    private final CredentialStore credentials = TestClients.store(0);

    /** Resets the server and stubs the normal replies. */
    WireMockFaultServer(WireMockServer server) {
        this.server = server;
        server.resetAll();
        stubNormalReplies();
    }

    private void stubNormalReplies() {
        server.stubFor(get(LIST + "/projects/" + Registry.PROJECT).willReturn(aResponse().withStatus(200)
                .withBody(Registry.results(Registry.standardProject()))));
        server.stubFor(get(LIST).atPriority(10).willReturn(aResponse().withStatus(200).withBody(LIST_REPLY)));
        server.stubFor(post(FEED).atPriority(10).willReturn(aResponse().withStatus(200).withBody(FEED_REPLY)));
    }

    @Override
    public URI baseUri() {
        return URI.create(server.baseUrl() + "/");
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public String projectId() {
        return Registry.PROJECT;
    }

    @Override
    public String dataSpaceId() {
        return Registry.TESTING_SPACE;
    }

    @Override
    public void fail(Call call, WireFault fault, int times) {
        String okBody = call == Call.REGISTRY ? LIST_REPLY : FEED_REPLY;
        if (times == 0) {
            server.stubFor(route(call).atPriority(1).willReturn(fault.wireMock(okBody)));
            return;
        }
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            String next = i == times ? "recovered" : "failed " + i;
            server.stubFor(route(call).atPriority(1).inScenario("faults").whenScenarioStateIs(state)
                    .willReturn(fault.wireMock(okBody)).willSetStateTo(next));
            state = next;
        }
    }

    @Override
    public void heal() {
        server.resetMappings();
        server.resetScenarios();
        stubNormalReplies();
    }

    private static MappingBuilder route(Call call) {
        return call == Call.REGISTRY ? get(LIST) : post(FEED);
    }

    @Override
    public int requests(Call call) {
        return call == Call.REGISTRY ? server.findAll(getRequestedFor(urlEqualTo(LIST))).size()
                : server.findAll(postRequestedFor(urlEqualTo(FEED))).size();
    }

    @Override
    public int itemsHeld() {
        return -1;
    }

    @Override
    public void close() {
        server.resetAll();
    }
}
