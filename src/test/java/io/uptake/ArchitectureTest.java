package io.uptake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: the core knows no chat platform and no HTTP, each platform's SDK stays inside its own
 * adapter, packages form no cycle, each layer depends only on the layers below it, and adapters reach the core
 * through its use cases. The rules are fields so that {@link ArchitectureRulesFailTest} shows each one failing.
 */
class ArchitectureTest {

    static final String[] CORE = {"io.uptake.catalog..", "io.uptake.people..", "io.uptake.pulse..",
        "io.uptake.checkin..", "io.uptake.usage..", "io.uptake.metrics..", "io.uptake.digest..", "io.uptake.nudge..",
        "io.uptake.delivery..", "io.uptake.message..", "io.uptake.platform..", "io.uptake.time..",
        "io.uptake.storage.."};

    static final String[] ADAPTERS = {"io.uptake.api..", "io.uptake.chat..", "io.uptake.schedule..",
        "io.uptake.web..", "io.uptake.demo..", "io.uptake.connect.."};
    static final String[] USE_CASES = {"io.uptake.pulse..", "io.uptake.checkin..", "io.uptake.usage..",
        "io.uptake.nudge..", "io.uptake.digest..", "io.uptake.people.."};
    static final String[] READ_MODELS_AND_OUTBOX = {"io.uptake.metrics..", "io.uptake.delivery.."};
    static final String[] GROUND_FLOOR = {"io.uptake.catalog..", "io.uptake.message..", "io.uptake.time..",
        "io.uptake.storage..", "io.uptake.platform.."};

    /** No two features need each other: a cycle between top-level packages. */
    static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching("io.uptake.(*)..").should().beFreeOfCycles();

    /** Nor any two packages at any depth: {@code chat} and {@code chat.slack}, {@code chat.teams}... */
    static final ArchRule PACKAGES_FREE_OF_CYCLES = slices().matching("io.uptake.(**)").should().beFreeOfCycles();

    /**
     * Adapters and the API on top, use cases below them, the read models ({@code metrics}) and the outbox
     * ({@code delivery}) below those, and on the ground floor what every feature reads: the catalogue, the neutral
     * messages, time, storage and the platform type. The scenario generator stands apart (see
     * {@link #SCENARIO_STANDS_APART}); {@code Application} is outside the layers.
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("Use cases").definedBy(USE_CASES)
            .layer("Read models and outbox").definedBy(READ_MODELS_AND_OUTBOX)
            .layer("Ground floor").definedBy(GROUND_FLOOR)
            .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
            .whereLayer("Use cases").mayOnlyBeAccessedByLayers("Adapters")
            .whereLayer("Read models and outbox").mayOnlyBeAccessedByLayers("Adapters", "Use cases")
            .whereLayer("Ground floor").mayOnlyBeAccessedByLayers("Adapters", "Use cases", "Read models and outbox");

    /** The scenario generator feeds an independent oracle: it and the product share nothing. */
    static final ArchRule SCENARIO_STANDS_APART = noClasses().that().resideInAPackage("io.uptake.scenario..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    /** Micronaut's generated bean definitions ({@code $HomeTab$Definition}) repeat their class's dependencies. */
    static final DescribedPredicate<JavaClass> WRITTEN_BY_HAND = DescribedPredicate.describe("are written by hand",
            javaClass -> !javaClass.getName().contains(".$"));

    /** Adapters call the core's public use cases; its repositories and row records stay its own. */
    static final ArchRule ADAPTERS_GO_THROUGH_USE_CASES = classes().that()
            .resideInAnyPackage("io.uptake.chat..", "io.uptake.api..", "io.uptake.web..", "io.uptake.connect..")
            .and(WRITTEN_BY_HAND)
            .should(new ArchCondition<>("reach the core only through its use cases, not its repositories or *Row "
                    + "records") {
                @Override
                public void check(JavaClass adapter, ConditionEvents events) {
                    for (Dependency dependency : adapter.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        if (coreData(target)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    /** The product's classes only, imported once for every rule: the fixtures under src/test are left out. */
    static final JavaClasses PRODUCT = ProductClasses.all();

    @Test
    void coreImportsNoSlackTeamsOrHttpTypes() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft.bot..",
                        "io.micronaut.http..")
                .check(PRODUCT);
    }

    @Test
    void onlyTheSlackAdapterUsesTheSlackSdk() {
        noClasses().that().resideOutsideOfPackage("io.uptake.chat.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .check(PRODUCT);
    }

    @Test
    void onlyTheTeamsAdapterUsesTheBotFrameworkSdk() {
        noClasses().that().resideOutsideOfPackage("io.uptake.chat.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
                .check(PRODUCT);
    }

    @Test
    void noFeatureNeedsAnotherThatNeedsIt() {
        FEATURES_FREE_OF_CYCLES.check(PRODUCT);
    }

    @Test
    void noPackageAtAnyDepthIsPartOfACycle() {
        PACKAGES_FREE_OF_CYCLES.check(PRODUCT);
    }

    @Test
    void eachLayerDependsOnlyOnTheLayersBelowIt() {
        LAYERS.check(PRODUCT);
    }

    @Test
    void theScenarioGeneratorSharesNothingWithTheProduct() {
        SCENARIO_STANDS_APART.check(PRODUCT);
        noClasses().that().resideOutsideOfPackages("io.uptake.scenario..", "io.uptake.demo..")
                .should().dependOnClassesThat().resideInAPackage("io.uptake.scenario..")
                .check(PRODUCT);
    }

    @Test
    void adaptersReachTheCoreThroughItsUseCases() {
        ADAPTERS_GO_THROUGH_USE_CASES.check(PRODUCT);
    }

    /**
     * A repository or row record of the core (not of an adapter's own package); a type nested in a message, such as
     * {@code DigestMessage.Row}, is part of the neutral model, not stored data.
     */
    static boolean coreData(JavaClass target) {
        String name = target.getName();
        boolean core = name.startsWith("io.uptake.") && !name.startsWith("io.uptake.chat.")
                && !name.startsWith("io.uptake.api.") && !name.startsWith("io.uptake.connect.")
                && !name.startsWith("io.uptake.archfixture.");
        String outer = name.replaceFirst("\\$.*", "");
        return core && (outer.endsWith("Row") || outer.endsWith("Repository") || outer.endsWith("Repositories")
                || target.isAnnotatedWith(MappedEntity.class) || target.isAnnotatedWith(JdbcRepository.class));
    }
}
