package io.uptake.pulse;

import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.ProgrammeRow;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import io.uptake.metrics.MetricsSettings;
import io.uptake.people.PersonRepository;
import io.uptake.people.PersonRow;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The stakeholder pulse's three questions and the card a stakeholder sees, with their answers when given. */
@Singleton
class StakeholderCards {

    static final String CONFIDENCE = "confidence";
    static final String FUND = "fund";
    static final String CHANGE_MIND = "change-mind";
    /** The question kinds only the stakeholder pulse asks: answers to them are its own. */
    static final Set<String> KINDS = Set.of(CONFIDENCE, FUND, CHANGE_MIND);
    /** The card's pulse id: the programme's, under a prefix no pulse id can take (ids have no colon). */
    static final String PULSE_PREFIX = "stakeholders:";

    static final List<AnswerOption> CONFIDENCE_OPTIONS = List.of(new AnswerOption("1 · Not at all", "1"),
            new AnswerOption("2", "2"), new AnswerOption("3", "3"), new AnswerOption("4", "4"),
            new AnswerOption("5 · Completely", "5"));
    static final List<AnswerOption> FUND_OPTIONS = List.of(new AnswerOption("Yes", "2"),
            new AnswerOption("Not sure", "1"), new AnswerOption("No", "0"));
    /** The value of "Yes" to the fund question. */
    static final int FUND_YES = 2;

    private final CatalogLookup catalog;
    private final PersonRepository people;
    private final int minFreeText;

    StakeholderCards(CatalogLookup catalog, PersonRepository people, MetricsSettings metrics) {
        this.catalog = catalog;
        this.people = people;
        this.minFreeText = metrics.minFreeText();
    }

    static boolean asks(String question) {
        return KINDS.contains(question);
    }

    /** The round's card before any answer. */
    PulseCard blank(StakeholderRoundRow round) {
        ProgrammeRow programme = catalog.programme(round.programmeId()).orElseThrow();
        String outcome = catalog.programmeOutcome(programme.id()).map(StakeholderCards::midSentence)
                .orElse("its outcome");
        List<AskedQuestion> questions = List.of(
                new AskedQuestion(CONFIDENCE, "Still confident " + programme.name() + " will change " + outcome + "?",
                        CONFIDENCE_OPTIONS, null),
                new AskedQuestion(FUND, "Still willing to fund the next step?", FUND_OPTIONS, null),
                new AskedQuestion(CHANGE_MIND, "What would change your mind? (optional) Read by "
                        + readers(programme.id()) + " after the quarter's pulse closes, only if at least "
                        + minFreeText + " people answer.", List.of(), null));
        String intro = "Quarterly stakeholder pulse on " + programme.name() + " (" + round.quarter()
                + "): 3 questions, under a minute. Answers are confidential: reports never show a group of fewer "
                + "than five people.";
        return new PulseCard(PULSE_PREFIX + programme.id(), round.id(), programme.name(), intro, questions,
                round.closesAt(), false, null);
    }

    /** The card with a person's answers, by question kind, filled in. */
    static PulseCard withAnswers(PulseCard card, Map<String, String> answers) {
        return PulseCards.withAnswers(card, answers, null);
    }

    /** "Claims closed per FTE" reads "claims closed per FTE" inside a sentence; "CSAT score" stays. */
    static String midSentence(String metric) {
        boolean word = metric.length() > 1 && Character.isUpperCase(metric.charAt(0))
                && !Character.isUpperCase(metric.charAt(1));
        return word ? Character.toLowerCase(metric.charAt(0)) + metric.substring(1) : metric;
    }

    /** The programme's accountable owner, by name where known: who reads what would change minds. */
    private String readers(String programmeId) {
        List<String> owners = catalog.programmeOwners(programmeId);
        if (owners.isEmpty()) {
            return "the programme's owner";
        }
        Map<String, String> names = people.findByEmailInList(owners).stream()
                .filter(p -> p.displayName() != null && p.erasedAt() == null)
                .collect(Collectors.toMap(PersonRow::email, PersonRow::displayName, (a, b) -> a));
        return owners.stream().map(email -> names.getOrDefault(email, email)).collect(Collectors.collectingAndThen(
                Collectors.toList(), StakeholderCards::and));
    }

    private static String and(List<String> names) {
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1);
    }
}
