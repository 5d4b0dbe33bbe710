package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pulse may ask what is in the way; its optional comment comes with it and is never listed by itself. */
class BlockersQuestionFileTest {

    private final CatalogParser parser = new CatalogParser();

    @Test
    void blockersIsAskedWithItsCommentRightAfterIt() {
        CatalogParse parse = parser.parse("programmes.yml", CatalogText.EXAMPLE
                .replace("[usage, trust, correction, cycle-time, comment]", "[usage, blockers, trust]"));

        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        assertThat(((CatalogParse.Valid) parse).catalog().pulses().get(0).questions()).containsExactly(
                Question.USAGE, Question.BLOCKERS, Question.BLOCKERS_COMMENT, Question.TRUST);
    }

    @Test
    void fiveListedQuestionsWithBlockersAreAllowedTheCommentIsNotCounted() {
        CatalogParse parse = parser.parse("programmes.yml", CatalogText.EXAMPLE
                .replace("[usage, trust, correction, cycle-time, comment]",
                        "[usage, trust, correction, cycle-time, blockers]"));

        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        assertThat(((CatalogParse.Valid) parse).catalog().pulses().get(0).questions()).hasSize(6)
                .endsWith(Question.BLOCKERS, Question.BLOCKERS_COMMENT);
    }

    @Test
    void theCommentCannotBeListedByItself() {
        CatalogParse parse = parser.parse("programmes.yml", CatalogText.EXAMPLE
                .replace("[usage, trust, correction, cycle-time, comment]", "[usage, blockers-comment]"));

        List<CatalogError> errors = ((CatalogParse.Invalid) parse).errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("pulses[0].questions[1]");
            assertThat(e.message()).startsWith("'blockers-comment' is not allowed; use one of usage, trust, "
                    + "correction, cycle-time, comment, blockers");
        });
    }

    @Test
    void blockersTwiceIsRefused() {
        CatalogParse parse = parser.parse("programmes.yml", CatalogText.EXAMPLE
                .replace("[usage, trust, correction, cycle-time, comment]", "[blockers, trust, blockers]"));

        assertThat(((CatalogParse.Invalid) parse).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("'blockers' is asked twice; ask each question once"));
    }
}
