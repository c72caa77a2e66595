package io.github.commerceconnector.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SaasProjectTest {
    private static final DataSpace PRODUCTION = DataSpaceTest.dataSpace("prod", DataSpaceType.PRODUCTION);
    private static final DataSpace TESTING_1 = DataSpaceTest.dataSpace("test-1", DataSpaceType.TESTING);
    private static final DataSpace TESTING_2 = DataSpaceTest.dataSpace("test-2", DataSpaceType.TESTING);

    @Test
    void requiresAnIdAndAName() {
        assertThrows(IllegalArgumentException.class, () -> new SaasProject("", "name", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SaasProject("id", null, List.of()));
    }

    @Test
    void treatsMissingDataSpacesAsNone() {
        assertEquals(List.of(), new SaasProject("id", "name", null).dataSpaces());
    }

    @Test
    void copiesItsDataSpaces() {
        List<DataSpace> spaces = new ArrayList<>(List.of(PRODUCTION));
        SaasProject project = new SaasProject("id", "name", spaces);

        spaces.add(TESTING_1);

        assertEquals(List.of(PRODUCTION), project.dataSpaces());
        assertThrows(UnsupportedOperationException.class, () -> project.dataSpaces().add(TESTING_2));
    }

    @Test
    void findsItsProductionAndTestingDataSpaces() {
        SaasProject project = new SaasProject("id", "name", List.of(TESTING_1, PRODUCTION, TESTING_2));

        assertEquals(Optional.of(PRODUCTION), project.productionDataSpace());
        assertEquals(List.of(TESTING_1, TESTING_2), project.testingDataSpaces());
        assertEquals(Optional.of(TESTING_2), project.dataSpace("test-2"));
        assertEquals(Optional.empty(), project.dataSpace("elsewhere"));
        assertEquals(Optional.empty(), new SaasProject("id", "name", List.of(TESTING_1)).productionDataSpace());
    }
}
