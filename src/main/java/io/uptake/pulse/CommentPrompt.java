package io.uptake.pulse;

import io.uptake.message.AskedQuestion;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** What a comment box of an open round says about who reads the comment, for adapters that open it apart. */
@Singleton
public class CommentPrompt {

    private final RoundCards cards;
    private final Clock clock;

    CommentPrompt(RoundCards cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    /** The notice under the question's comment box, if the round and question exist and it has one. */
    public Optional<String> note(long roundId, String question) {
        return cards.ask(roundId, clock.instant()).flatMap(asked -> asked.card().questions().stream()
                .filter(q -> q.question().equals(question)).findFirst()).map(AskedQuestion::note);
    }
}
