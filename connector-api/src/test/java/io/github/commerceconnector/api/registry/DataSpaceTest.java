package io.github.commerceconnector.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataSpaceTest {

    static DataSpace dataSpace(String id, DataSpaceType type) {
        return new DataSpace(id, "project-1", "Space " + id, type, null, null, null, null, null, null);
    }

    @Test
    void requiresIdProjectIdNameAndType() {
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class,
                () -> new DataSpace(" ", "p", "n", DataSpaceType.TESTING, null, null, null, null, null, null));
        IllegalArgumentException noProject = assertThrows(IllegalArgumentException.class,
                () -> new DataSpace("d", null, "n", DataSpaceType.TESTING, null, null, null, null, null, null));
        assertThrows(NullPointerException.class,
                () -> new DataSpace("d", "p", null, DataSpaceType.TESTING, null, null, null, null, null, null));
        assertThrows(NullPointerException.class,
                () -> new DataSpace("d", "p", "n", null, null, null, null, null, null, null));

        assertEquals("id is empty", noId.getMessage());
        assertEquals("projectId is empty", noProject.getMessage());
    }

    @Test
    void acceptsAnEmptyName() {
        assertEquals("", new DataSpace("d", "p", "", DataSpaceType.TESTING, null, null, null, null, null, null).name());
    }

    @Test
    void tellsWhetherItIsTheProductionDataSpace() {
        assertTrue(dataSpace("a", DataSpaceType.PRODUCTION).isProduction());
        assertFalse(dataSpace("b", DataSpaceType.TESTING).isProduction());
    }

    @Test
    void keepsItsIdWhenRenamed() {
        DataSpace renamed = dataSpace("a", DataSpaceType.TESTING).withName("Staging");

        assertEquals("a", renamed.id());
        assertEquals("Staging", renamed.name());
        assertEquals(DataSpaceType.TESTING, renamed.type());
    }

    @Test
    void exposesTheOptionalImsOrganization() {
        ImsOrganizationId organization = ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg");

        assertEquals(Optional.empty(), dataSpace("a", DataSpaceType.TESTING).imsOrganization());
        assertEquals(Optional.of(organization), new DataSpace("a", "p", "n", DataSpaceType.TESTING, null, organization,
                null, null, null, null).imsOrganization());
    }
}
