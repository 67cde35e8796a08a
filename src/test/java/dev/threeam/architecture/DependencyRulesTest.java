package dev.threeam.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Transport stays at the edge; the environment is read in one place. */
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
    void only_config_reads_the_environment() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.threeam.config.Config")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .check(PRODUCT);
    }
}
