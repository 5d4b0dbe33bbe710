package io.uptake.chat.slack;

import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Small pulse cards for renderer and gateway tests. */
final class TestCards {

    static final Instant CLOSES = Instant.parse("2026-11-24T10:00:00Z");
    static final long ROUND = 42;

    private TestCards() {
    }

    static AskedQuestion usage() {
        return new AskedQuestion("usage", "How often did you use Claims triage this week?",
                List.of(new AnswerOption("Never", "0"), new AnswerOption("Once", "1")), null);
    }

    static AskedQuestion comment() {
        return new AskedQuestion("comment", "Anything else? (optional)", List.of(), null);
    }

    static AskedQuestion options(String question, int count) {
        return new AskedQuestion(question, "Pick one of " + count,
                IntStream.range(0, count)
                        .mapToObj(i -> new AnswerOption("Option " + i, Integer.toString(i))).toList(), null);
    }

    /** A confidential card with no answers and no ballot. */
    static PulseCard card(AskedQuestion... questions) {
        return new PulseCard("claims-weekly", ROUND, "Claims triage", "Quick pulse on Claims triage: "
                + questions.length + " questions, under a minute.", List.of(questions), CLOSES, false, null);
    }

    static PulseCard anonymous(String ballot, AskedQuestion... questions) {
        return new PulseCard("claims-weekly", ROUND, "Claims triage", "Quick anonymous pulse.", List.of(questions),
                CLOSES, true, ballot);
    }
}
