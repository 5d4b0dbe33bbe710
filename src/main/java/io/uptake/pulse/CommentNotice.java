package io.uptake.pulse;

import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.catalog.WorkflowRow;
import io.uptake.message.PulseCard;
import io.uptake.metrics.MetricsSettings;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a person, beside a comment box and before they write, who will read their comment and when: the
 * workflow's owner and the programme's sponsor by name, after the round closes, only if enough people answered,
 * with identifying details removed; and that they can withdraw it until then.
 */
@Singleton
class CommentNotice {

    /** The question kinds whose answers are comments shown to the owner and sponsor. */
    static final Set<String> KINDS = Set.of("comment", "blockers-comment");
    static final List<String> KIND_LIST = List.of("blockers-comment", "comment");

    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final MetricsSettings settings;

    CommentNotice(CatalogLookup catalog, PersonRepository people, MetricsSettings settings) {
        this.catalog = catalog;
        this.people = people;
        this.settings = settings;
    }

    /** The card with the notice under each comment question. */
    PulseCard onto(PulseCard card, WorkflowRow workflow) {
        if (card.questions().stream().noneMatch(q -> KINDS.contains(q.question()))) {
            return card;
        }
        String text = text(workflow, card.anonymous());
        return new PulseCard(card.pulseId(), card.roundId(), card.workflow(), card.intro(), card.questions().stream()
                .map(q -> KINDS.contains(q.question()) ? q.withNote(text) : q).toList(), card.closesAt(),
                card.anonymous(), card.ballot());
    }

    String text(WorkflowRow workflow, boolean anonymous) {
        return "Read by " + readers(workflow) + " after the round closes, only if at least " + settings.minFreeText()
                + " people answer; names, emails, numbers and mentions are removed. You can withdraw it until then."
                + (anonymous ? " Not linked to you." : "");
    }

    /** Who reads a workflow's comments, by name: "Jane Doe (owner) and Sam Lee (sponsor)". */
    String readers(WorkflowRow workflow) {
        String owner = name(workflow.ownerEmail());
        Optional<String> sponsorEmail = catalog.programme(workflow.programmeId()).map(ProgrammeRow::sponsorEmail);
        return sponsorEmail.isEmpty() ? owner + " (owner)"
                : sponsorEmail.get().equalsIgnoreCase(workflow.ownerEmail()) ? owner + " (owner and sponsor)"
                : owner + " (owner) and " + name(sponsorEmail.get()) + " (sponsor)";
    }

    private String name(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        return people.findByEmail(address).map(PersonRow::displayName).filter(n -> n != null && !n.isBlank())
                .orElse(address);
    }
}
