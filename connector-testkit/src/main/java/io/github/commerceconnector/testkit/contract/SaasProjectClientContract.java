package io.github.commerceconnector.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link SaasProjectClient} must show (PROTOCOL.md §4, DESIGN.md). Extend it and
 * implement {@link #openFixture}; the in-memory fake and the HTTP client against the fake gateway
 * both pass it.
 */
@Timeout(60)
public abstract class SaasProjectClientContract extends FixtureContract {

    private ContractFixture fixture(Edition edition) {
        return fixture(FixtureSpec.of(edition, Installation.NON_PRODUCTION));
    }

    private SaasProjectClient projects(Edition edition) {
        return fixture(edition).services().projects();
    }

    /** A fresh account has no project. */
    @Test
    public void listIsEmptyForAFreshAccount() {
        assertEquals(List.of(), projects(Edition.ADOBE_COMMERCE).list());
    }

    /** An Adobe Commerce project gets one production and two testing data spaces at once. */
    @Test
    public void createGivesAdobeCommerceOneProductionAndTwoTestingDataSpaces() {
        SaasProject project = projects(Edition.ADOBE_COMMERCE).create("Luma");

        assertEquals("Luma", project.name());
        assertEquals(3, project.dataSpaces().size());
        assertTrue(project.productionDataSpace().isPresent());
        assertEquals(2, project.testingDataSpaces().size());
    }

    /** A Magento Open Source project gets one production data space and none for testing. */
    @Test
    public void createGivesMagentoOpenSourceOneProductionDataSpaceOnly() {
        SaasProject project = projects(Edition.MAGENTO_OPEN_SOURCE).create("Luma");

        assertEquals(1, project.dataSpaces().size());
        assertEquals(DataSpaceType.PRODUCTION, project.dataSpaces().get(0).type());
        assertEquals(List.of(), project.testingDataSpaces());
    }

    /** A project lists its production data space first. */
    @Test
    public void createListsTheProductionDataSpaceFirst() {
        SaasProject project = projects(Edition.ADOBE_COMMERCE).create("Luma");

        assertTrue(project.dataSpaces().get(0).isProduction());
    }

    /** The data spaces of a new project have distinct UUID ids and belong to it. */
    @Test
    public void createdDataSpacesHaveDistinctUuidIdsAndBelongToTheProject() {
        SaasProject project = projects(Edition.ADOBE_COMMERCE).create("Luma");

        Set<String> ids = new HashSet<>();
        for (DataSpace dataSpace : project.dataSpaces()) {
            assertEquals(dataSpace.id(), UUID.fromString(dataSpace.id()).toString());
            assertEquals(project.id(), dataSpace.projectId());
            ids.add(dataSpace.id());
        }
        assertEquals(3, ids.size());
    }

    /** A created project is listed and can be read back with the same data spaces. */
    @Test
    public void createdProjectIsListedAndCanBeReadBack() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);
        SaasProject created = projects.create("Luma");

        List<SaasProject> listed = projects.list();
        SaasProject read = projects.get(created.id());

        assertEquals(1, listed.size());
        assertEquals(created.id(), listed.get(0).id());
        assertEquals(dataSpaceIds(created), dataSpaceIds(listed.get(0)));
        assertEquals("Luma", read.name());
        assertEquals(dataSpaceIds(created), dataSpaceIds(read));
    }

    /** Projects made elsewhere (another administrator, the Commerce admin) are listed too. */
    @Test
    public void listShowsProjectsCreatedOutOfBand() {
        ContractFixture fixture = fixture(Edition.ADOBE_COMMERCE);
        SaasProject other = fixture.addProjectOutOfBand("Made elsewhere");

        List<SaasProject> listed = fixture.services().projects().list();

        assertEquals(1, listed.size());
        assertEquals(other.id(), listed.get(0).id());
        assertEquals("Made elsewhere", listed.get(0).name());
    }

    /** Reading a project the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void getOfUnknownProjectThrowsNotFound() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);

        NotFoundException error = assertThrows(NotFoundException.class,
                () -> projects.get(UUID.randomUUID().toString()));
        assertEquals(404, error.statusCode());
    }

    /** Creating a project with a name already in use is a {@link ConflictException}, and creates nothing. */
    @Test
    public void createWithANameInUseThrowsConflict() {
        ContractFixture fixture = fixture(Edition.ADOBE_COMMERCE);
        fixture.addProjectOutOfBand("Luma");
        SaasProjectClient projects = fixture.services().projects();

        ConflictException error = assertThrows(ConflictException.class, () -> projects.create("Luma"));

        assertEquals(409, error.statusCode());
        assertEquals(1, projects.list().size());
    }

    /** A blank project name is refused before anything is sent. */
    @Test
    public void createRejectsABlankName() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);

        assertThrows(IllegalArgumentException.class, () -> projects.create(""));
        assertThrows(IllegalArgumentException.class, () -> projects.create("   "));
        assertEquals(List.of(), projects.list());
    }

    /**
     * A null or blank project id is refused before anything is sent, naming the parameter; an id with spaces around
     * it is the id.
     */
    @Test
    public void aBlankProjectIdIsRefusedAndOneWithSpacesAroundItIsTheId() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);
        SaasProject created = projects.create("Luma");

        for (String blank : new String[] {null, "", "  "}) {
            IllegalArgumentException get = assertThrows(IllegalArgumentException.class, () -> projects.get(blank));
            assertTrue(get.getMessage().contains("projectId"), get.getMessage());
            assertThrows(IllegalArgumentException.class, () -> projects.rename(blank, "Luma EU"));
        }
        assertEquals(created.id(), projects.get(" " + created.id() + " ").id());
        assertEquals("Luma", projects.get(created.id()).name(), "nothing renamed");
    }

    /** A rename changes the label only: the project's and its data spaces' ids stay. */
    @Test
    public void renameChangesTheLabelAndKeepsEveryId() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);
        SaasProject created = projects.create("Luma");

        SaasProject renamed = projects.rename(created.id(), "Luma EU");

        assertEquals(created.id(), renamed.id());
        assertEquals("Luma EU", renamed.name());
        assertEquals(dataSpaceIds(created), dataSpaceIds(renamed));
    }

    /** A rename is visible to later reads. */
    @Test
    public void renameIsVisibleInListAndGet() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);
        SaasProject created = projects.create("Luma");

        projects.rename(created.id(), "Luma EU");

        assertEquals("Luma EU", projects.get(created.id()).name());
        assertEquals("Luma EU", projects.list().get(0).name());
    }

    /** Renaming a project the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void renameOfUnknownProjectThrowsNotFound() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);

        assertThrows(NotFoundException.class, () -> projects.rename(UUID.randomUUID().toString(), "Anything"));
    }

    /** Renaming a project to another project's name is a {@link ConflictException}; nothing changes. */
    @Test
    public void renameToANameInUseThrowsConflict() {
        ContractFixture fixture = fixture(Edition.ADOBE_COMMERCE);
        fixture.addProjectOutOfBand("Taken");
        SaasProjectClient projects = fixture.services().projects();
        SaasProject mine = projects.create("Mine");

        assertThrows(ConflictException.class, () -> projects.rename(mine.id(), "Taken"));
        assertEquals("Mine", projects.get(mine.id()).name());
    }

    /** A blank new name is refused before anything is sent. */
    @Test
    public void renameRejectsABlankName() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);
        SaasProject created = projects.create("Luma");

        assertThrows(IllegalArgumentException.class, () -> projects.rename(created.id(), " "));
        assertEquals("Luma", projects.get(created.id()).name());
    }

    /** Two projects get different ids and different data spaces. */
    @Test
    public void eachProjectGetsItsOwnDataSpaces() {
        SaasProjectClient projects = projects(Edition.ADOBE_COMMERCE);
        SaasProject first = projects.create("First");
        SaasProject second = projects.create("Second");

        assertNotEquals(first.id(), second.id());
        Set<String> shared = new HashSet<>(dataSpaceIds(first));
        shared.retainAll(dataSpaceIds(second));
        assertTrue(shared.isEmpty(), "data spaces shared between projects: " + shared);
    }

    private static List<String> dataSpaceIds(SaasProject project) {
        return project.dataSpaces().stream().map(DataSpace::id).toList();
    }
}
