package dev.threeam.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Transport stays at the edge; each concept is reached through its service; packages form no cycle; the environment
 * is read in one place.
 */
class DependencyRulesTest {

    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.threeam");

    static final String[] DOMAIN = {"dev.threeam.alert..", "dev.threeam.classify..", "dev.threeam.incident..",
            "dev.threeam.change..", "dev.threeam.runbook..", "dev.threeam.drill.."};

    @Test
    void the_domain_imports_nothing_from_slack_javalin_or_jdbc() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("com.slack.api..", "io.javalin..", "java.sql..")
                .check(PRODUCT);
    }

    @Test
    void the_domain_does_not_reach_into_the_slack_web_or_sandbox_packages() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("dev.threeam.slack..", "dev.threeam.web..", "dev.threeam.sandbox..")
                .check(PRODUCT);
    }

    @Test
    void no_two_packages_depend_on_each_other_in_a_cycle() {
        slices().matching("dev.threeam.(*)..").should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void only_the_incident_package_touches_the_incident_tables() {
        noClasses().that().resideOutsideOfPackage("dev.threeam.incident..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("IncidentStore")
                .orShould().dependOnClassesThat().haveSimpleName("TimelineStore")
                .check(PRODUCT);
    }

    @Test
    void slack_classes_are_used_only_by_the_slack_and_sandbox_packages_and_the_composition_root() {
        noClasses().that().resideOutsideOfPackages("dev.threeam.slack..", "dev.threeam.sandbox..", "dev.threeam")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..")
                .check(PRODUCT);
    }

    @Test
    void javalin_is_used_only_by_the_web_slack_and_sandbox_packages_and_the_composition_root() {
        noClasses().that().resideOutsideOfPackages("dev.threeam.web..", "dev.threeam.slack..", "dev.threeam.sandbox..", "dev.threeam")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..")
                .check(PRODUCT);
    }

    @Test
    void shared_helpers_depend_on_no_other_package_of_3am() {
        noClasses().that().resideInAPackage("dev.threeam.common..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.threeam..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("dev.threeam.common..")))
                .check(PRODUCT);
    }

    @Test
    void no_sql_is_written_in_the_web_or_slack_packages() {
        noClasses().that().resideInAnyPackage("dev.threeam.web..", "dev.threeam.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
                .check(PRODUCT);
    }

    @Test
    void only_config_reads_the_environment() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.threeam.config.Config")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .check(PRODUCT);
    }
}
