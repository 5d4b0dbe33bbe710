package io.uptake.pulse;

import io.micronaut.transaction.annotation.ReadOnly;
import io.uptake.catalog.CatalogLookup;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds people who answered "never" to a pulse's usage question in a round that closed and in the round of the
 * same pulse before it. Only confidential rounds know who answered what, so only they can be read here.
 */
@Singleton
public class NeverAnswers {

    /** The people who said "never" twice running, as of one closed round of a workflow's pulse. */
    public record NeverTwice(long roundId, String workflowId, List<Long> personIds) {
    }

    private final PulseRepositories.Rounds rounds;
    private final PulseRepositories.Answers answers;
    private final CatalogLookup catalog;

    NeverAnswers(PulseRepositories.Rounds rounds, PulseRepositories.Answers answers, CatalogLookup catalog) {
        this.rounds = rounds;
        this.answers = answers;
        this.catalog = catalog;
    }

    /** For each round closed since the instant, who said "never" there and in the previous round. */
    @ReadOnly
    public List<NeverTwice> closedSince(Instant since) {
        List<NeverTwice> found = new ArrayList<>();
        for (RoundRow round : rounds.findClosedSince(since)) {
            Optional<RoundRow> previous = rounds.findPreviousClosed(round.pulseId(), round.openedAt());
            Optional<String> workflow = catalog.pulse(round.pulseId()).map(p -> p.workflowId());
            if (round.anonymous() || previous.isEmpty() || previous.get().anonymous() || workflow.isEmpty()) {
                continue;
            }
            Set<Long> before = never(previous.get());
            List<Long> twice = never(round).stream().filter(before::contains).sorted().toList();
            if (!twice.isEmpty()) {
                found.add(new NeverTwice(round.id(), workflow.get(), twice));
            }
        }
        return found;
    }

    private Set<Long> never(RoundRow round) {
        return answers.findByRoundIdAndQuestionAndValueInt(round.id(), PulseQuestions.USAGE_QUESTION,
                PulseQuestions.NEVER).stream().map(AnswerRow::personId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
