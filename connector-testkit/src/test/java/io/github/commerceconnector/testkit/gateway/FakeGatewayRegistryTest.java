package io.github.commerceconnector.testkit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.FakeOperation;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FakeGatewayRegistryTest extends GatewayTestSupport {
    private static final String REGISTRY = "merchant-registry/v1/registry";

    @Test
    void listsEveryDataSpaceOfEveryProjectAsFlatRecords() {
        SaasProject first = project("First");
        project("Second");

        HttpResponse<String> reply = client.get(REGISTRY);

        assertEquals(200, reply.statusCode());
        List<Map<String, Object>> records = results(reply.body());
        assertEquals(6, records.size());
        Map<String, Object> production = records.get(0);
        assertEquals(first.id(), production.get("projectId"));
        assertEquals("First", production.get("projectName"));
        assertEquals(first.productionDataSpace().orElseThrow().id(), production.get("environmentId"));
        assertEquals("Production", production.get("environmentName"));
        assertEquals("Production", production.get("environmentType"));
        assertEquals("Testing", records.get(1).get("environmentType"));
        assertEquals("Testing 2", records.get(2).get("environmentName"));
        assertTrue(production.containsKey("createdAt") && production.containsKey("updatedAt"));
    }

    @Test
    void readsOneProjectWithAStatusField() {
        SaasProject project = project("Luma");

        HttpResponse<String> reply = client.get(REGISTRY + "/projects/" + project.id());

        assertEquals(200, reply.statusCode());
        assertEquals(200, object(reply.body()).get("status"));
        assertEquals(3, results(reply.body()).size());
    }

    @Test
    void readsOneDataSpaceAsOneRecord() {
        DataSpace dataSpace = project("Luma").testingDataSpaces().get(1);

        HttpResponse<String> reply = client.get(REGISTRY + "/environments/" + dataSpace.id());

        assertEquals(200, reply.statusCode());
        Map<String, Object> record = object(reply.body());
        assertEquals(dataSpace.id(), record.get("environmentId"));
        assertEquals("Testing 2", record.get("environmentName"));
        assertEquals("Luma", record.get("projectName"));
    }

    @Test
    void initializeCreatesAProjectWithTheEditionsDataSpaces() {
        HttpResponse<String> reply = client.json("POST", REGISTRY + "/initialize", Map.of("projectName", "New"));

        assertEquals(200, reply.statusCode());
        assertEquals(3, results(reply.body()).size());
        assertEquals("New", services.projects().list().get(0).name());
    }

    @Test
    void initializeOnMagentoOpenSourceMakesOneDataSpace() {
        FakeCommerceServices openSource = FakeCommerceServices.builder().edition(Edition.MAGENTO_OPEN_SOURCE).build();
        openSource.registerKey(apiKey, keys.publicKey());
        use(FakeGateway.start(openSource));

        HttpResponse<String> reply = client.json("POST", REGISTRY + "/initialize", Map.of("projectName", "New"));

        List<Map<String, Object>> records = results(reply.body());
        assertEquals(1, records.size());
        assertEquals("Production", records.get(0).get("environmentType"));
    }

    @Test
    void initializeWithANameInUseIsAConflictInTheErrorShape() {
        project("Luma");

        HttpResponse<String> reply = client.json("POST", REGISTRY + "/initialize", Map.of("projectName", "Luma"));

        assertEquals(409, reply.statusCode());
        Map<String, Object> error = object(reply.body());
        assertEquals(409, error.get("status"));
        assertEquals("Conflict", error.get("statusText"));
        assertTrue(((String) error.get("message")).contains("Luma"));
        assertEquals(reply.headers().firstValue("x-request-id").orElseThrow(), error.get("requestId"));
    }

    @Test
    void initializeWithoutAProjectNameIsABadRequest() {
        assertEquals(400, client.json("POST", REGISTRY + "/initialize", Map.of("name", "Luma")).statusCode());
        assertEquals(400, client.json("POST", REGISTRY + "/initialize", "not json").statusCode());
        assertEquals(List.of(), services.projects().list());
    }

    @Test
    void renamesAProjectKeepingItsIds() {
        SaasProject project = project("Luma");

        HttpResponse<String> reply = client.json("PATCH", REGISTRY + "/projects/" + project.id(),
                Map.of("projectName", "Luma EU"));

        assertEquals(200, reply.statusCode());
        List<Map<String, Object>> records = results(reply.body());
        assertEquals("Luma EU", records.get(0).get("projectName"));
        assertEquals(project.id(), records.get(0).get("projectId"));
        assertEquals(project.dataSpaces().get(0).id(), records.get(0).get("environmentId"));
    }

    @Test
    void renamesADataSpaceKeepingItsId() {
        DataSpace dataSpace = project("Luma").testingDataSpaces().get(0);

        HttpResponse<String> reply = client.json("PATCH", REGISTRY + "/environments/" + dataSpace.id(),
                Map.of("environmentName", "Staging"));

        assertEquals(200, reply.statusCode());
        assertEquals("Staging", object(reply.body()).get("environmentName"));
        assertEquals(dataSpace.id(), object(reply.body()).get("environmentId"));
    }

    @Test
    void cleanupErasesTheDataSpacesItems() {
        String dataSpace = testingDataSpace();
        services.addItems(dataSpace, Feed.PRODUCTS, List.of(product("MH01")));

        HttpResponse<String> reply = client.json("POST", REGISTRY + "/environments/" + dataSpace + "/cleanup", "");

        assertEquals(200, reply.statusCode());
        assertEquals(List.of(), services.items(dataSpace, Feed.PRODUCTS));
    }

    @Test
    void cloudIdTiesTheDataSpaceAndShowsInItsRecord() {
        String dataSpace = testingDataSpace();

        HttpResponse<String> reply = client.json("PUT", REGISTRY + "/environments/" + dataSpace + "/cloudid/abc123", "");

        assertEquals(200, reply.statusCode());
        assertEquals("abc123", services.dataSpaces().get(dataSpace).cloudId());
        assertEquals("abc123", object(client.get(REGISTRY + "/environments/" + dataSpace).body()).get("cloudId"));
    }

    @Test
    void unknownIdsAreNotFoundInTheErrorShape() {
        String unknown = UUID.randomUUID().toString();

        for (HttpResponse<String> reply : List.of(client.get(REGISTRY + "/projects/" + unknown),
                client.get(REGISTRY + "/environments/" + unknown),
                client.json("POST", REGISTRY + "/environments/" + unknown + "/cleanup", ""))) {
            assertEquals(404, reply.statusCode());
            Map<String, Object> error = object(reply.body());
            assertEquals("Not Found", error.get("statusText"));
            assertTrue(((String) error.get("message")).startsWith("Merchant registry not found"));
        }
    }

    @Test
    void unknownRoutesAreNotFoundAndWrongMethodsNotAllowed() {
        assertEquals(404, client.get("merchant-registry/v1/nothing-here").statusCode());
        assertEquals(405, client.json("DELETE", REGISTRY, "").statusCode());
    }

    @Test
    void everyAuthenticatedCallIsLoggedWithItsOperation() {
        SaasProject project = project("Luma");

        client.get(REGISTRY + "/projects/" + project.id());

        assertEquals(FakeOperation.GET_PROJECT, services.calls().get(0).operation());
        assertEquals(project.id(), services.calls().get(0).projectId());
        assertFalse(services.calls().isEmpty());
    }
}
