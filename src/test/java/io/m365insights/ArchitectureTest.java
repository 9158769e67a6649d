package io.m365insights;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Which way the code may depend, checked on the compiled classes (tests excluded). The simulator and the dev-mode
 * stand-ins live in {@code src/simulator} and are left out of the production jar (docs/simulator-packaging.md): a
 * product class that used one would fail there, so none may.
 */
@AnalyzeClasses(packages = "io.m365insights", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] STAND_INS = {"io.m365insights.simulator..", "io.m365insights.devservices.."};
    private static final String[] DOMAIN = {"io.m365insights.users..", "io.m365insights.licenses..",
            "io.m365insights.usage..", "io.m365insights.actions..", "io.m365insights.automation..",
            "io.m365insights.audit..", "io.m365insights.sync.."};

    @ArchTest
    static final ArchRule theProductDoesNotDependOnTheSimulatorOrTheDevModeStandIns = noClasses()
            .that().resideInAPackage("io.m365insights..").and().resideOutsideOfPackages(STAND_INS)
            .should().dependOnClassesThat().resideInAnyPackage(STAND_INS)
            .because("src/simulator is not in the production jar (docs/simulator-packaging.md)");

    @ArchTest
    static final ArchRule theSimulatorKnowsNothingOfTheProduct = noClasses()
            .that().resideInAPackage("io.m365insights.simulator..")
            .should().dependOnClassesThat(resideInAPackage("io.m365insights..")
                    .and(not(resideInAPackage("io.m365insights.simulator.."))))
            .because("it stands in for Microsoft Graph and Entra ID, which know nothing of us");

    @ArchTest
    static final ArchRule theGraphClientDoesNotDependOnTheApi = noClasses()
            .that().resideInAPackage("io.m365insights.msgraph..")
            .should().dependOnClassesThat().resideInAPackage("io.m365insights.api..");

    @ArchTest
    static final ArchRule theDomainDoesNotDependOnTheApi = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("io.m365insights.api..")
            .because("the GraphQL API is an edge over the domain, not the other way round");
}
