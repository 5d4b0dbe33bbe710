package io.uptake.people;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.uptake.ProductClasses;
import io.uptake.catalog.AudienceRow;
import org.junit.jupiter.api.Test;

/**
 * Chat adapters only read who is in an audience: {@code people} decides who joins and leaves, and the audience
 * table is read through the catalogue's own lookup.
 */
class AudienceSyncInPeopleTest {

    static final JavaClasses CLASSES = ProductClasses.all();

    @Test
    void onlyPeopleChangesWhoIsInAnAudience() {
        noClasses().that().resideOutsideOfPackage("io.uptake.people..")
                .should().dependOnClassesThat().belongToAnyOf(SyncAudienceMembers.class)
                .because("adapters hand what they read to SyncChatAudiences")
                .check(CLASSES);
    }

    @Test
    void onlyTheCatalogueReadsTheAudienceTable() {
        noClasses().that().resideOutsideOfPackage("io.uptake.catalog..")
                .should().dependOnClassesThat().belongToAnyOf(AudienceRow.class)
                .because("other features read audiences through CatalogLookup")
                .check(CLASSES);
    }
}
