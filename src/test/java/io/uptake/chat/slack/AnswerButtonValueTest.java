package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerButtonValueTest {

    @Test
    void aValueReadsBackAsItsParts() {
        String value = AnswerButtonValue.encode(42, "trust", "4", null);

        assertThat(value).isEqualTo("1|42|trust|4|");
        assertThat(AnswerButtonValue.decode(value)).contains(new AnswerCommandParts(42, "trust", "4", null));
    }

    @Test
    void separatorsAndPercentSignsInsideFieldsSurvive() {
        String value = AnswerButtonValue.encode(7, "a|b%7C", "%25|", "bal|lot%");

        assertThat(AnswerButtonValue.decode(value)).contains(new AnswerCommandParts(7, "a|b%7C", "%25|", "bal|lot%"));
    }

    @Test
    void theCommentButtonCarriesAnEmptyValueAndTheBallot() {
        String value = AnswerButtonValue.encode(9, "comment", "", "b4ll0t");

        assertThat(AnswerButtonValue.decode(value)).contains(new AnswerCommandParts(9, "comment", "", "b4ll0t"));
    }

    @Test
    void randomPartsRoundTrip() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            long round = random.nextLong();
            String question = "q" + text(random, 60);
            String value = text(random, 60);
            String ballot = random.nextBoolean() ? null : "b" + text(random, 40);

            assertThat(AnswerButtonValue.decode(AnswerButtonValue.encode(round, question, value, ballot)))
                    .contains(new AnswerCommandParts(round, question, value, ballot));
        }
    }

    @Test
    void partsTooLongForSlackAreRefusedNotCut() {
        assertThat(AnswerButtonValue.fits(1, "q", "v".repeat(1994), null)).isFalse();
        assertThatThrownBy(() -> AnswerButtonValue.encode(1, "q", "v".repeat(1994), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AnswerButtonValue.encode(1, "q", "v".repeat(1993), null)).hasSize(2000);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "1", "1|42|trust|4", "1|42|trust|4||", "2|42|trust|4|", "1|x|trust|4|",
        "1||trust|4|", "1|4.2|trust|4|", "1| 42|trust|4|", "1|+42|trust|4|", "1|99999999999999999999|trust|4|",
        "1|42||4|", "1|42|tr%ust|4|", "1|42|trust|4%2|", "1|42|trust|4|%41", "1|42|trust|4|%", "{\"round\":42}",
        "1%7C42%7Ctrust%7C4%7C"})
    void garbageIsRejected(String text) {
        assertThat(AnswerButtonValue.decode(text)).isEmpty();
    }

    @Test
    void overlongInputIsRejected() {
        assertThat(AnswerButtonValue.decode("1|42|trust|" + "4".repeat(2000) + "|")).isEmpty();
    }

    @Test
    void randomInputNeverThrows() {
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            String text = random.nextBoolean() ? text(random, 80) : "1|" + text(random, 30);
            assertThatNoException().isThrownBy(() -> AnswerButtonValue.decode(text));
        }
    }

    private static String text(Random random, int longest) {
        String alphabet = "ab|%7C25 é😀\n-0123456789";
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(longest);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
