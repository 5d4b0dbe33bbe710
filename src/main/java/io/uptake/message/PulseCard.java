package io.uptake.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The content of a pulse as one person sees it: the questions, their options and what the person has answered.
 *
 * @param roundId   the round the answers belong to
 * @param workflow  the workflow's name, as people know it
 * @param closesAt  when answers stop being accepted
 * @param anonymous whether answers are stored without any link to the person
 * @param ballot    in anonymous rounds, the secret that lets this person change their answer; only this
 *                  person's own message carries it
 */
@Serdeable
public record PulseCard(String pulseId, long roundId, String workflow, String intro, List<AskedQuestion> questions,
                        Instant closesAt, boolean anonymous, @Nullable String ballot) {

    public PulseCard {
        questions = List.copyOf(questions);
    }

    /** The same card with the person's answers filled in. */
    public PulseCard answered(List<AskedQuestion> withAnswers, @Nullable String ballot) {
        return new PulseCard(pulseId, roundId, workflow, intro, withAnswers, closesAt, anonymous, ballot);
    }
}
