package io.uptake.pulse;

import io.uptake.catalog.PulseRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import java.util.List;
import java.util.Map;

/** Builds the card a person sees for a round, with their answers when they have given some. */
final class PulseCards {

    private PulseCards() {
    }

    static PulseCard blank(RoundRow round, PulseRow pulse, WorkflowRow workflow) {
        List<AskedQuestion> questions = PulseQuestions.ask(round.questionList(), workflow.name(), workflow.cycleTask());
        return new PulseCard(pulse.id(), round.id(), workflow.name(), intro(round, workflow, questions.size()),
                questions, round.closesAt(), round.anonymous(), null);
    }

    static PulseCard withAnswers(PulseCard card, Map<String, String> answers, String ballot) {
        return card.answered(card.questions().stream().map(q -> q.choose(answers.get(q.question()))).toList(), ballot);
    }

    private static String intro(RoundRow round, WorkflowRow workflow, int count) {
        String privacy = round.anonymous()
                ? "Answers are anonymous: they are stored with no link to you."
                : "Answers are confidential: reports never show a group of fewer than five people.";
        if (round.period().startsWith(OpenRound.PRE_ROLLOUT)) {
            return "Before " + workflow.name() + " reaches your team: one question, under a minute. How long the "
                    + "task takes you now is the \"before\" its effect is measured against. " + privacy;
        }
        return "Quick pulse on " + workflow.name() + ": " + count + (count == 1 ? " question" : " questions")
                + ", under a minute. " + privacy;
    }
}
