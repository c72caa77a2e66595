package io.github.commerceconnector.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.DataSpaceGuardException;
import io.github.commerceconnector.api.exception.NotFoundException;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.ImsOrganizationId;
import io.github.commerceconnector.api.registry.SaasIdentity;
import io.github.commerceconnector.api.registry.SaasProject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link DataSpaceClient} must show (PROTOCOL.md §4, DESIGN.md's data-space
 * guard): listing, renaming, selection and its persistence, the IMS link, cleanup and cloud ids.
 * Extend it and implement {@link #openFixture}.
 */
@Timeout(60)
public abstract class DataSpaceClientContract extends FixtureContract {
    private static final ImsOrganizationId ORG = ImsOrganizationId.of("8E6307BF5D775FA00A495EF9@AdobeOrg");
    private static final ImsOrganizationId OTHER_ORG = ImsOrganizationId.of("0123456789ABCDEF01234567@AdobeOrg");

    private ContractFixture nonProduction() {
        return fixture(FixtureSpec.of(Edition.ADOBE_COMMERCE, Installation.NON_PRODUCTION));
    }

    private ContractFixture production() {
        return fixture(FixtureSpec.of(Edition.ADOBE_COMMERCE, Installation.PRODUCTION));
    }

    private static SaasProject project(ContractFixture fixture, String name) {
        return fixture.addProjectOutOfBand(name);
    }

    private static DataSpace testing(SaasProject project, int index) {
        return project.testingDataSpaces().get(index);
    }

    private static DataSpace productionOf(SaasProject project) {
        return project.productionDataSpace().orElseThrow();
    }

    private static List<Map<String, Object>> products(String... skus) {
        return Arrays.stream(skus)
                .map(sku -> Map.<String, Object>of("sku", sku, "storeViewCode", "default", "name", "Item " + sku))
                .toList();
    }

    /** A project's data spaces are listed with the ids the project shows. */
    @Test
    public void listReturnsTheDataSpacesOfTheProject() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");

        List<DataSpace> listed = fixture.services().dataSpaces().list(project.id());

        assertEquals(ids(project.dataSpaces()), ids(listed));
        assertTrue(listed.stream().allMatch(d -> d.projectId().equals(project.id())));
    }

    /** Listing the data spaces of a project the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void listOfUnknownProjectThrowsNotFound() {
        DataSpaceClient dataSpaces = nonProduction().services().dataSpaces();

        assertThrows(NotFoundException.class, () -> dataSpaces.list(UUID.randomUUID().toString()));
    }

    /** A data space is read with its project, label and type. */
    @Test
    public void getReturnsTheDataSpaceWithItsProjectNameAndType() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpace expected = testing(project, 1);

        DataSpace read = fixture.services().dataSpaces().get(expected.id());

        assertEquals(expected.id(), read.id());
        assertEquals(project.id(), read.projectId());
        assertEquals(expected.name(), read.name());
        assertEquals(DataSpaceType.TESTING, read.type());
        assertEquals(DataSpaceType.PRODUCTION, fixture.services().dataSpaces().get(productionOf(project).id()).type());
    }

    /** Reading a data space the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void getOfUnknownDataSpaceThrowsNotFound() {
        DataSpaceClient dataSpaces = nonProduction().services().dataSpaces();

        NotFoundException error = assertThrows(NotFoundException.class,
                () -> dataSpaces.get(UUID.randomUUID().toString()));
        assertEquals(404, error.statusCode());
    }

    /** A rename changes the label only: id, project and type stay. */
    @Test
    public void renameChangesTheLabelAndKeepsIdAndType() {
        ContractFixture fixture = nonProduction();
        DataSpace before = testing(project(fixture, "Luma"), 0);

        DataSpace renamed = fixture.services().dataSpaces().rename(before.id(), "Staging");

        assertEquals(before.id(), renamed.id());
        assertEquals(before.projectId(), renamed.projectId());
        assertEquals(before.type(), renamed.type());
        assertEquals("Staging", renamed.name());
    }

    /** A rename is visible through the data space and through its project. */
    @Test
    public void renameIsVisibleThroughTheProject() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpace target = testing(project, 0);

        fixture.services().dataSpaces().rename(target.id(), "Staging");

        assertEquals("Staging", fixture.services().dataSpaces().get(target.id()).name());
        assertEquals("Staging", fixture.services().projects().get(project.id()).dataSpace(target.id())
                .orElseThrow().name());
    }

    /** Renaming a data space the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void renameOfUnknownDataSpaceThrowsNotFound() {
        DataSpaceClient dataSpaces = nonProduction().services().dataSpaces();

        assertThrows(NotFoundException.class, () -> dataSpaces.rename(UUID.randomUUID().toString(), "Staging"));
    }

    /** Giving a data space the name of another data space of the same project is a {@link ConflictException}. */
    @Test
    public void renameToANameUsedInTheSameProjectThrowsConflict() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");

        assertThrows(ConflictException.class,
                () -> fixture.services().dataSpaces().rename(testing(project, 0).id(), testing(project, 1).name()));
        assertEquals(testing(project, 0).name(), fixture.services().dataSpaces().get(testing(project, 0).id()).name());
    }

    /** Nothing is selected at first. */
    @Test
    public void currentIsEmptyBeforeAnySelection() {
        assertEquals(Optional.empty(), nonProduction().services().dataSpaces().current());
    }

    /** Selecting saves the project and data space, and {@code current()} returns them. */
    @Test
    public void selectSavesTheSelection() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpace target = testing(project, 0);

        SaasIdentity selected = fixture.services().dataSpaces().select(project.id(), target.id());

        assertEquals(project.id(), selected.projectId());
        assertEquals("Luma", selected.projectName());
        assertEquals(target.id(), selected.dataSpaceId());
        assertEquals(target.name(), selected.dataSpaceName());
        assertEquals(DataSpaceType.TESTING, selected.dataSpaceType());
        assertEquals(Optional.of(selected), fixture.services().dataSpaces().current());
    }

    /** The selection survives reopening the client on the same state. */
    @Test
    public void selectionPersistsAcrossReopening() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        SaasIdentity selected = fixture.services().dataSpaces().select(project.id(), testing(project, 1).id());
        fixture.services().dataSpaces().imsOrganization(ORG);

        Optional<SaasIdentity> reopened = fixture.reopen().dataSpaces().current();

        assertEquals(Optional.of(selected.withImsOrganization(ORG)), reopened);
    }

    /** Selecting a data space of another project is a {@link NotFoundException}; the selection stays. */
    @Test
    public void selectOfADataSpaceOfAnotherProjectThrowsNotFoundAndKeepsTheSelection() {
        ContractFixture fixture = nonProduction();
        SaasProject mine = project(fixture, "Mine");
        SaasProject other = project(fixture, "Other");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();
        SaasIdentity before = dataSpaces.select(mine.id(), testing(mine, 0).id());

        assertThrows(NotFoundException.class, () -> dataSpaces.select(mine.id(), testing(other, 0).id()));
        assertEquals(Optional.of(before), dataSpaces.current());
    }

    /** Selecting in a project the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void selectInAnUnknownProjectThrowsNotFound() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();

        assertThrows(NotFoundException.class,
                () -> dataSpaces.select(UUID.randomUUID().toString(), testing(project, 0).id()));
        assertEquals(Optional.empty(), dataSpaces.current());
    }

    /**
     * A null or blank project or data space id is refused before anything is sent, naming the parameter, and nothing
     * is selected; an id with spaces around it is the id.
     */
    @Test
    public void aBlankIdIsRefusedAndOneWithSpacesAroundItIsTheId() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();
        String testing = project.testingDataSpaces().get(0).id();

        for (String blank : new String[] {null, "", "  "}) {
            IllegalArgumentException select = assertThrows(IllegalArgumentException.class,
                    () -> dataSpaces.select(project.id(), blank));
            assertTrue(select.getMessage().contains("dataSpaceId"), select.getMessage());
            IllegalArgumentException ofProject = assertThrows(IllegalArgumentException.class,
                    () -> dataSpaces.select(blank, testing));
            assertTrue(ofProject.getMessage().contains("projectId"), ofProject.getMessage());
            assertThrows(IllegalArgumentException.class, () -> dataSpaces.get(blank));
            assertThrows(IllegalArgumentException.class, () -> dataSpaces.rename(blank, "Staging"));
            assertThrows(IllegalArgumentException.class, () -> dataSpaces.cleanup(blank));
        }
        assertEquals(Optional.empty(), dataSpaces.current());
        assertEquals(testing, dataSpaces.get(" " + testing + " ").id());
        assertEquals(testing, dataSpaces.select(" " + project.id() + " ", " " + testing + " ").dataSpaceId());
    }

    /** A non-production installation cannot select the production data space; nothing is selected. */
    @Test
    public void rejectsProductionDataSpaceFromNonProductionInstallation() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();

        DataSpaceGuardException error = assertThrows(DataSpaceGuardException.class,
                () -> dataSpaces.select(project.id(), productionOf(project).id()));

        assertEquals(productionOf(project).id(), error.dataSpaceId());
        assertEquals(Optional.empty(), dataSpaces.current());
    }

    /** On Magento Open Source a non-production installation has no data space it may select. */
    @Test
    public void rejectsTheOnlyDataSpaceOfMagentoOpenSourceFromNonProductionInstallation() {
        ContractFixture fixture = fixture(FixtureSpec.of(Edition.MAGENTO_OPEN_SOURCE, Installation.NON_PRODUCTION));
        SaasProject project = project(fixture, "Luma");

        assertEquals(1, fixture.services().dataSpaces().list(project.id()).size());
        assertThrows(DataSpaceGuardException.class,
                () -> fixture.services().dataSpaces().select(project.id(), productionOf(project).id()));
    }

    /** A production installation may select the production data space. */
    @Test
    public void productionInstallationMaySelectTheProductionDataSpace() {
        ContractFixture fixture = production();
        SaasProject project = project(fixture, "Luma");

        SaasIdentity selected = fixture.services().dataSpaces().select(project.id(), productionOf(project).id());

        assertEquals(DataSpaceType.PRODUCTION, selected.dataSpaceType());
    }

    /** A production installation may select a testing data space (with a warning). */
    @Test
    public void productionInstallationMaySelectATestingDataSpace() {
        ContractFixture fixture = production();
        SaasProject project = project(fixture, "Luma");

        SaasIdentity selected = fixture.services().dataSpaces().select(project.id(), testing(project, 0).id());

        assertEquals(testing(project, 0).id(), selected.dataSpaceId());
    }

    /** The explicit override lets a non-production installation select the production data space. */
    @Test
    public void explicitOverrideLetsNonProductionInstallationSelectProduction() {
        ContractFixture fixture = fixture(FixtureSpec.of(Edition.ADOBE_COMMERCE, Installation.NON_PRODUCTION)
                .withProductionOverride("migration rehearsal approved by the store owner"));
        SaasProject project = project(fixture, "Luma");

        SaasIdentity selected = fixture.services().dataSpaces().select(project.id(), productionOf(project).id());

        assertEquals(productionOf(project).id(), selected.dataSpaceId());
    }

    /** Selecting a data space of another project replaces the selection and drops the IMS link. */
    @Test
    public void selectingAnotherProjectReplacesTheSelectionAndDropsTheImsLink() {
        ContractFixture fixture = nonProduction();
        SaasProject first = project(fixture, "First");
        SaasProject second = project(fixture, "Second");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();
        dataSpaces.select(first.id(), testing(first, 0).id());
        dataSpaces.imsOrganization(ORG);

        SaasIdentity selected = dataSpaces.select(second.id(), testing(second, 1).id());

        assertEquals(second.id(), selected.projectId());
        assertEquals(testing(second, 1).id(), selected.dataSpaceId());
        assertEquals(Optional.empty(), selected.imsOrganization());
        assertEquals(Optional.of(selected), dataSpaces.current());
    }

    /** {@code clearSelection()} forgets the selection. */
    @Test
    public void clearSelectionForgetsIt() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();
        dataSpaces.select(project.id(), testing(project, 0).id());

        dataSpaces.clearSelection();

        assertEquals(Optional.empty(), dataSpaces.current());
    }

    /** The IMS organization link is saved with the selection. */
    @Test
    public void imsOrganizationLinksTheSelection() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();
        SaasIdentity selected = dataSpaces.select(project.id(), testing(project, 0).id());

        SaasIdentity linked = dataSpaces.imsOrganization(ORG);
        SaasIdentity relinked = dataSpaces.imsOrganization(OTHER_ORG);

        assertEquals(selected.withImsOrganization(ORG), linked);
        assertEquals(Optional.of(OTHER_ORG), relinked.imsOrganization());
        assertEquals(Optional.of(relinked), dataSpaces.current());
    }

    /** Linking {@code null} removes the IMS organization link. */
    @Test
    public void imsOrganizationNullRemovesTheLink() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        DataSpaceClient dataSpaces = fixture.services().dataSpaces();
        dataSpaces.select(project.id(), testing(project, 0).id());
        dataSpaces.imsOrganization(ORG);

        SaasIdentity unlinked = dataSpaces.imsOrganization(null);

        assertEquals(Optional.empty(), unlinked.imsOrganization());
        assertEquals(Optional.empty(), dataSpaces.current().orElseThrow().imsOrganization());
    }

    /** Linking an IMS organization needs a selection. */
    @Test
    public void imsOrganizationWithoutASelectionThrowsIllegalState() {
        DataSpaceClient dataSpaces = nonProduction().services().dataSpaces();

        assertThrows(IllegalStateException.class, () -> dataSpaces.imsOrganization(ORG));
    }

    /** Cleanup erases what a data space holds, and only that data space. */
    @Test
    public void cleanupErasesTheItemsOfThatDataSpaceOnly() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        String cleaned = testing(project, 0).id();
        String kept = testing(project, 1).id();
        fixture.addItemsOutOfBand(cleaned, Feed.PRODUCTS, products("MH01", "MH02"));
        fixture.addItemsOutOfBand(kept, Feed.PRODUCTS, products("MH03"));

        fixture.services().dataSpaces().cleanup(cleaned);

        assertEquals(List.of(), fixture.itemsHeld(cleaned, Feed.PRODUCTS));
        assertEquals(1, fixture.itemsHeld(kept, Feed.PRODUCTS).size());
    }

    /** A non-production installation cannot clean up the production data space; its items stay. */
    @Test
    public void rejectsCleanupOfProductionDataSpaceFromNonProductionInstallation() {
        ContractFixture fixture = nonProduction();
        SaasProject project = project(fixture, "Luma");
        String live = productionOf(project).id();
        fixture.addItemsOutOfBand(live, Feed.PRODUCTS, products("MH01"));

        assertThrows(DataSpaceGuardException.class, () -> fixture.services().dataSpaces().cleanup(live));
        assertEquals(1, fixture.itemsHeld(live, Feed.PRODUCTS).size());
    }

    /** A production installation may clean up the production data space. */
    @Test
    public void productionInstallationMayCleanUpTheProductionDataSpace() {
        ContractFixture fixture = production();
        SaasProject project = project(fixture, "Luma");
        String live = productionOf(project).id();
        fixture.addItemsOutOfBand(live, Feed.PRODUCTS, products("MH01"));

        fixture.services().dataSpaces().cleanup(live);

        assertEquals(List.of(), fixture.itemsHeld(live, Feed.PRODUCTS));
    }

    /** Cleaning up a data space the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void cleanupOfUnknownDataSpaceThrowsNotFound() {
        DataSpaceClient dataSpaces = nonProduction().services().dataSpaces();

        assertThrows(NotFoundException.class, () -> dataSpaces.cleanup(UUID.randomUUID().toString()));
    }

    /** Assigning a cloud id ties the data space to that cloud project. */
    @Test
    public void assignCloudIdTiesTheDataSpace() {
        ContractFixture fixture = nonProduction();
        DataSpace target = testing(project(fixture, "Luma"), 0);

        fixture.services().dataSpaces().assignCloudId(target.id(), "abcdef1234567");

        assertEquals("abcdef1234567", fixture.services().dataSpaces().get(target.id()).cloudId());
    }

    /** Assigning a cloud id to a data space the keys cannot see is a {@link NotFoundException}. */
    @Test
    public void assignCloudIdOfUnknownDataSpaceThrowsNotFound() {
        DataSpaceClient dataSpaces = nonProduction().services().dataSpaces();

        assertThrows(NotFoundException.class,
                () -> dataSpaces.assignCloudId(UUID.randomUUID().toString(), "abcdef1234567"));
    }

    private static List<String> ids(List<DataSpace> dataSpaces) {
        return dataSpaces.stream().map(DataSpace::id).toList();
    }
}
