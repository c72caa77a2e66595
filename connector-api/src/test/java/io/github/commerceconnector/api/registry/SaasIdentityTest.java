package io.github.commerceconnector.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SaasIdentityTest {
    private static final ImsOrganizationId ORGANIZATION = ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg");

    @Test
    void requiresProjectDataSpaceAndType() {
        IllegalArgumentException noProject = assertThrows(IllegalArgumentException.class,
                () -> new SaasIdentity(null, "p", "d", "n", DataSpaceType.TESTING, null));
        IllegalArgumentException noDataSpace = assertThrows(IllegalArgumentException.class,
                () -> new SaasIdentity("p", "p", " ", "n", DataSpaceType.TESTING, null));
        assertThrows(NullPointerException.class, () -> new SaasIdentity("p", "p", "d", "n", null, null));

        assertEquals("projectId is empty", noProject.getMessage());
        assertEquals("dataSpaceId is empty", noDataSpace.getMessage());
    }

    @Test
    void turnsMissingNamesIntoEmptyOnes() {
        SaasIdentity identity = new SaasIdentity("p", null, "d", null, DataSpaceType.TESTING, null);

        assertEquals("", identity.projectName());
        assertEquals("", identity.dataSpaceName());
    }

    @Test
    void recordsASelectedDataSpaceOfAProject() {
        DataSpace testing = DataSpaceTest.dataSpace("test-1", DataSpaceType.TESTING);
        SaasProject project = new SaasProject("project-1", "Store", List.of(testing));

        SaasIdentity identity = SaasIdentity.of(project, testing, ORGANIZATION);

        assertEquals(new SaasIdentity("project-1", "Store", "test-1", "Space test-1", DataSpaceType.TESTING,
                ORGANIZATION), identity);
    }

    @Test
    void linksAndUnlinksTheImsOrganization() {
        SaasIdentity identity = new SaasIdentity("p", "P", "d", "D", DataSpaceType.PRODUCTION, null);

        SaasIdentity linked = identity.withImsOrganization(ORGANIZATION);

        assertEquals(Optional.of(ORGANIZATION), linked.imsOrganization());
        assertEquals(Optional.empty(), linked.withImsOrganization(null).imsOrganization());
        assertEquals("d", linked.dataSpaceId());
    }
}
