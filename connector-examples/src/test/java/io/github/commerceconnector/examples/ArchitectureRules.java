package io.github.commerceconnector.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The module boundaries of the project, for a root package: {@code <root>.api} uses nothing but the JDK,
 * {@code <root>.testkit} never uses {@code <root>.core}, {@code <root>.jdbc} uses nothing but the JDK (JDBC
 * included) and the API, {@code <root>.core} knows neither Micrometer nor Spring, {@code <root>.micrometer} uses the
 * api only, and no module uses another module's {@code internal} package.
 */
final class ArchitectureRules {
    /** The modules whose {@code internal} packages are private to them. */
    static final List<String> MODULES = List.of("api", "core", "testkit", "jdbc", "micrometer", "spring.boot",
            "examples", "bench");

    private ArchitectureRules() {
    }

    /** {@code <root>.api..} depends only on {@code java..} and itself. */
    static ArchRule apiUsesOnlyTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".api..")
                .because("connector-api has no third-party dependency and knows no implementation");
    }

    /** {@code <root>.testkit..} never depends on {@code <root>.core..}. */
    static ArchRule testkitDoesNotUseCore(String root) {
        return noClasses().that().resideInAPackage(root + ".testkit..")
                .should().dependOnClassesThat().resideInAPackage(root + ".core..")
                .because("connector-testkit depends on connector-api only");
    }

    /** {@code <root>.jdbc..} depends only on the JDK and {@code <root>.api..}: plain JDBC, no ORM, no core. */
    static ArchRule jdbcUsesOnlyTheJdkAndTheApi(String root) {
        return classes().that().resideInAPackage(root + ".jdbc..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "javax.crypto..",
                        root + ".api..", root + ".jdbc..")
                .because("connector-jdbc depends on connector-api only and speaks JDBC to the user's DataSource");
    }

    /** {@code <root>.core..} depends on neither Micrometer nor Spring, nor on the modules built on them. */
    static ArchRule coreKnowsNoFramework(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "org.springframework..",
                        root + ".micrometer..", root + ".spring..")
                .because("connector-core knows nothing of Micrometer or Spring: they plug in through its observer seam");
    }

    /** {@code <root>.micrometer..} uses the api only, never core or Spring. */
    static ArchRule micrometerUsesOnlyTheApi(String root) {
        return noClasses().that().resideInAPackage(root + ".micrometer..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".core..", root + ".testkit..",
                        "org.springframework..")
                .because("connector-micrometer depends on connector-api and Micrometer only");
    }

    /** No class outside a module uses that module's {@code internal} package. */
    static ArchRule noModuleUsesAnotherModulesInternals(String root) {
        CompositeArchRule rule = null;
        for (String module : MODULES) {
            ArchRule moduleRule = noClasses().that().resideOutsideOfPackage(root + "." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage(root + "." + module + ".internal..")
                    .allowEmptyShould(true)
                    .because("the internal package of " + module + " is not public API");
            rule = rule == null ? CompositeArchRule.of(moduleRule) : rule.and(moduleRule);
        }
        return rule;
    }
}
