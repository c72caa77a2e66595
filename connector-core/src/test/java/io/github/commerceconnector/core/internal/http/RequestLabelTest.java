package io.github.commerceconnector.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Registry calls are labelled from a fixed set of operations, with the data space they are about. */
class RequestLabelTest {

    @Test
    void labelsEachRegistryCallWithABoundedOperation() {
        assertEquals(new RequestLabel("keys.check", "none", "none"), RequestLabel.of("GET", "merchant-registry/v1/ping"));
        assertEquals("projects.list", RequestLabel.of("GET", "merchant-registry/v1/registry").operation());
        assertEquals("projects.create", RequestLabel.of("POST", "merchant-registry/v1/registry/initialize").operation());
        assertEquals("projects.get", RequestLabel.of("GET", "merchant-registry/v1/registry/projects/p-1").operation());
        assertEquals("projects.rename", RequestLabel.of("PATCH", "/merchant-registry/v1/registry/projects/p-1").operation());
    }

    @Test
    void labelsDataSpaceCallsWithTheirDataSpace() {
        String base = "merchant-registry/v1/registry/environments/ds-7";
        assertEquals(new RequestLabel("dataspaces.get", "none", "ds-7"), RequestLabel.of("GET", base));
        assertEquals(new RequestLabel("dataspaces.rename", "none", "ds-7"), RequestLabel.of("PATCH", base));
        assertEquals(new RequestLabel("dataspaces.cleanup", "none", "ds-7"), RequestLabel.of("POST", base + "/cleanup"));
        assertEquals(new RequestLabel("dataspaces.ims-organization", "none", "ds-7"),
                RequestLabel.of("PUT", base + "/cloudid/ABC@AdobeOrg"));
    }

    @Test
    void anUnknownPathIsOtherAndAFeedCallNamesItsFeed() {
        assertEquals("other", RequestLabel.of("GET", "somewhere/else?token=x").operation());
        assertEquals(new RequestLabel("feeds.send", "products", "ds-1"), RequestLabel.feed("products", "ds-1"));
    }
}
