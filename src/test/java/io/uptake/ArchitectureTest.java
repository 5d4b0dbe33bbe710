package io.uptake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core knows no chat platform and no HTTP; each platform's SDK stays inside its own adapter. */
class ArchitectureTest {

    static final String[] CORE = {"io.uptake.catalog..", "io.uptake.people..", "io.uptake.pulse..",
        "io.uptake.checkin..", "io.uptake.usage..", "io.uptake.metrics..", "io.uptake.digest..", "io.uptake.nudge..",
        "io.uptake.delivery..", "io.uptake.message.."};

    final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.uptake");

    @Test
    void coreImportsNoSlackTeamsOrHttpTypes() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft.bot..",
                        "io.micronaut.http..")
                .check(classes);
    }

    @Test
    void onlyTheSlackAdapterUsesTheSlackSdk() {
        noClasses().that().resideOutsideOfPackage("io.uptake.chat.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .check(classes);
    }

    @Test
    void onlyTheTeamsAdapterUsesTheBotFrameworkSdk() {
        noClasses().that().resideOutsideOfPackage("io.uptake.chat.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
                .check(classes);
    }
}
