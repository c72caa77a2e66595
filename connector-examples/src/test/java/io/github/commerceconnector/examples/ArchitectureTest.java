package io.github.commerceconnector.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.commerceconnector.examples.archfixture.api.LeakyValue;
import io.github.commerceconnector.examples.archfixture.core.Implementation;
import io.github.commerceconnector.examples.archfixture.jdbc.StoreUsingCore;
import io.github.commerceconnector.examples.archfixture.core.ObservesWithMicrometer;
import io.github.commerceconnector.examples.archfixture.micrometer.ReachesIntoCore;
import io.github.commerceconnector.examples.archfixture.testkit.UsesCore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module boundaries: the main classes of every module (taken from their jars or class folders,
 * tests excluded) must follow {@link ArchitectureRules}. Each rule is also run against fixture classes that
 * break it, to show that it fails when it should.
 */
class ArchitectureTest {
    private static final String ROOT = "io.github.commerceconnector";
    private static final String FIXTURE_ROOT = "io.github.commerceconnector.examples.archfixture";

    private static JavaClasses project;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        project = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        fixtures = new ClassFileImporter().importPackages(FIXTURE_ROOT);
    }

    @Test
    void importsTheMainClassesOfEveryLibraryModuleAndNoTests() {
        assertTrue(project.containPackage(ROOT + ".api"));
        assertTrue(project.containPackage(ROOT + ".api.credentials"));
        assertTrue(project.containPackage(ROOT + ".core.credentials"));
        assertTrue(project.containPackage(ROOT + ".jdbc"));
        assertTrue(project.containPackage(ROOT + ".micrometer"));
        assertFalse(project.contain(ArchitectureTest.class));
        assertFalse(project.containPackage(FIXTURE_ROOT));
    }

    @Test
    void apiDependsOnNothingButTheJdk() {
        ArchitectureRules.apiUsesOnlyTheJdk(ROOT).check(project);
    }

    @Test
    void testkitDoesNotDependOnCore() {
        ArchitectureRules.testkitDoesNotUseCore(ROOT).allowEmptyShould(true).check(project);
    }

    @Test
    void jdbcDependsOnNothingButTheJdkAndTheApi() {
        ArchitectureRules.jdbcUsesOnlyTheJdkAndTheApi(ROOT).check(project);
    }

    @Test
    void coreKnowsNeitherMicrometerNorSpring() {
        ArchitectureRules.coreKnowsNoFramework(ROOT).check(project);
    }

    @Test
    void micrometerModuleUsesOnlyTheApi() {
        ArchitectureRules.micrometerUsesOnlyTheApi(ROOT).check(project);
    }

    @Test
    void noModuleUsesAnotherModulesInternalPackage() {
        ArchitectureRules.noModuleUsesAnotherModulesInternals(ROOT).check(project);
    }

    @Test
    void apiRuleFailsForAnApiClassUsingALibraryOrTheImplementation() {
        assertViolation(ArchitectureRules.apiUsesOnlyTheJdk(FIXTURE_ROOT), LeakyValue.class);
    }

    @Test
    void testkitRuleFailsForATestkitClassUsingCore() {
        assertViolation(ArchitectureRules.testkitDoesNotUseCore(FIXTURE_ROOT), UsesCore.class);
    }

    @Test
    void jdbcRuleFailsForAJdbcClassUsingCore() {
        assertViolation(ArchitectureRules.jdbcUsesOnlyTheJdkAndTheApi(FIXTURE_ROOT), StoreUsingCore.class);
    }

    @Test
    void coreRuleFailsForACoreClassUsingMicrometer() {
        assertViolation(ArchitectureRules.coreKnowsNoFramework(FIXTURE_ROOT), ObservesWithMicrometer.class);
    }

    @Test
    void micrometerRuleFailsForAMicrometerClassUsingCore() {
        assertViolation(ArchitectureRules.micrometerUsesOnlyTheApi(FIXTURE_ROOT), ReachesIntoCore.class);
    }

    @Test
    void internalRuleFailsForAModuleUsingAnotherModulesInternals() {
        assertViolation(ArchitectureRules.noModuleUsesAnotherModulesInternals(FIXTURE_ROOT), Implementation.class);
        assertViolation(ArchitectureRules.noModuleUsesAnotherModulesInternals(FIXTURE_ROOT), UsesCore.class);
    }

    private static void assertViolation(ArchRule rule, Class<?> offender) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(fixtures));
        assertTrue(failure.getMessage().contains(offender.getName()), failure.getMessage());
    }
}
