package io.uptake.pulse;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.uptake.ProductClasses;
import org.junit.jupiter.api.Test;

/**
 * Every answer, from every adapter, goes through {@link AnswerWriter}: only it records answers, so batching, the
 * message edit that shows an answer, replacing an earlier one and the self-reported use cannot be skipped.
 */
class OneAnswerPathTest {

    final JavaClasses classes = ProductClasses.all();

    @Test
    void onlyTheAnswerWriterRecordsAnswers() {
        noClasses().that(not(belongToAnyOf(AnswerWriter.class, RecordAnswer.class)))
                // Micronaut's generated bean definitions ($RecordAnswer$Definition ...) build and intercept the bean.
                .and(not(nameMatching(".*\\.\\$[^.]*")))
                .should().dependOnClassesThat().belongToAnyOf(RecordAnswer.class)
                .because("answers are recorded through AnswerWriter, the one path that batches them")
                .check(classes);
    }
}
