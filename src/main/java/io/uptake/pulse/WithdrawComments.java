package io.uptake.pulse;

import io.uptake.message.AskedQuestion;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The typed way to withdraw one's comments: every comment the person wrote in a round still open is withdrawn as
 * the "Withdraw my comment" button would. An anonymous comment is not linked to them, so only its message's
 * button can withdraw it; closed rounds' comments cannot be withdrawn at all.
 */
@Singleton
public class WithdrawComments {

    /**
     * What was done.
     *
     * @param withdrawn   comments withdrawn from open confidential rounds
     * @param anonymous   open anonymous rounds the person answered, whose comments only their message can withdraw
     */
    public record Result(int withdrawn, int anonymous) {
    }

    private final PulseRepositories.Deliveries deliveries;
    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Answers answers;
    private final AnswerWriter writer;
    private final Clock clock;

    WithdrawComments(PulseRepositories.Deliveries deliveries, PulseRepositories.Rounds rounds,
                     PulseRepositories.Answers answers, AnswerWriter writer, Clock clock) {
        this.deliveries = deliveries;
        this.rounds = rounds;
        this.answers = answers;
        this.writer = writer;
        this.clock = clock;
    }

    /** Withdraws the person's comments in open confidential rounds, each as the answer path takes a withdrawal. */
    public Result withdraw(long personId) {
        Instant now = clock.instant();
        List<AnswerCommand> commands = new ArrayList<>();
        int anonymous = 0;
        for (DeliveryRow delivery : deliveries.findByPersonIdOrderByIdDesc(personId)) {
            Optional<RoundRow> round = rounds.findById(delivery.roundId()).filter(r -> r.openAt(now));
            if (round.isEmpty() || !delivery.answered()) {
                continue;
            }
            if (round.get().anonymous()) {
                anonymous++;
                continue;
            }
            for (AnswerRow answer : answers.findByDeliveryId(delivery.id())) {
                if (CommentNotice.KINDS.contains(answer.question())) {
                    commands.add(new AnswerCommand(round.get().id(), personId,
                            AskedQuestion.WITHDRAW_PREFIX + answer.question(), "withdraw", null));
                }
            }
        }
        int withdrawn = (int) commands.stream().map(writer::record)
                .filter(r -> r instanceof AnswerResult.Recorded recorded && recorded.changed()).count();
        return new Result(withdrawn, anonymous);
    }
}
