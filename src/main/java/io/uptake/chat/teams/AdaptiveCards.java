package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.BoardSummary;
import io.uptake.message.ChatMessage;
import io.uptake.message.DigestMessage;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.CheckinRequest;
import io.uptake.message.CheckinSaved;
import io.uptake.message.OutcomeGapAlert;
import io.uptake.message.PulseAnswered;
import io.uptake.message.PulseCard;
import io.uptake.message.PulseClosed;
import io.uptake.message.PulseQuestion;
import io.uptake.message.PulseReminder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Renders the neutral messages as Adaptive Cards (schema 1.5). Answer buttons are {@code Action.Execute} with an
 * {@code Action.Submit} fallback for clients without Universal Actions; a question with more options than a row
 * may hold buttons ({@link #MAX_ACTIONS}) is a choice input with one Send button. A card never exceeds
 * {@link #MAX_BYTES}, whatever the length of its text: long text is cut, never refused.
 */
final class AdaptiveCards {

    /**
     * Teams refuses bot messages over 100 KB, counted in UTF-16; the card stays at 80 KB so, leaving room for the
     * activity around it. See {@link #bytes}.
     */
    static final int MAX_BYTES = 80 * 1024;
    /** Actions one ActionSet, or a card's own actions, may hold: more break the card in Teams. */
    static final int MAX_ACTIONS = 5;
    /** The longest free-text answer the pulse accepts. */
    static final int MAX_ANSWER_TEXT = 2000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    static ObjectNode render(ChatMessage message) {
        if (message instanceof DigestMessage digest) {
            return DigestCards.render(digest);
        }
        if (message instanceof BoardSummary board) {
            return BoardCards.render(board);
        }
        for (CardBudget budget : CardBudget.LEVELS) {
            ObjectNode card = render(message, budget);
            if (bytes(card) <= MAX_BYTES) {
                return card;
            }
        }
        ObjectNode card = card(message);
        ((ArrayNode) card.get("body")).add(text(Texts.cut(message.fallbackText(), 1000), false));
        return card;
    }

    /** The card's size as Teams counts it: two bytes per UTF-16 code unit of its JSON. */
    static int bytes(ObjectNode card) {
        return card.toString().length() * 2;
    }

    private static ObjectNode render(ChatMessage message, CardBudget budget) {
        Optional<ObjectNode> personal = PersonalCards.render(message, card(message));
        if (personal.isPresent()) {
            return personal.get();
        }
        if (message instanceof PulseQuestion question) {
            return pulse(message, question.card(), null, true, budget);
        }
        if (message instanceof PulseReminder reminder) {
            return pulse(message, reminder.card(), "Reminder: this pulse is still waiting for you.", true, budget);
        }
        if (message instanceof PulseAnswered answered) {
            return pulse(message, answered.card(), answered.fallbackText(), true, budget);
        }
        if (message instanceof CheckinRequest request) {
            return CheckinCards.request(request);
        }
        if (message instanceof CheckinEscalation escalation) {
            return CheckinCards.escalation(escalation);
        }
        if (message instanceof CheckinSaved saved) {
            return CheckinCards.saved(saved);
        }
        if (message instanceof OutcomeGapAlert gap) {
            return CheckinCards.outcomeGap(gap);
        }
        if (message instanceof PulseClosed closed) {
            return pulse(message, closed.card(), closed.fallbackText(), false, budget);
        }
        throw new IllegalArgumentException("no Teams rendering for " + message.kind() + " messages");
    }

    private static ObjectNode pulse(ChatMessage message, PulseCard pulse, String headline, boolean open,
                                    CardBudget budget) {
        ObjectNode card = card(message);
        ArrayNode body = ((ArrayNode) card.get("body"));
        if (headline != null) {
            body.add(text(headline, true));
        }
        body.add(text(Texts.cut(pulse.intro(), budget.intro()), false));
        pulse.questions().stream().limit(budget.questions())
                .forEach(q -> question(body, pulse, q, open, budget));
        if (pulse.questions().size() > budget.questions()) {
            body.add(subtle((pulse.questions().size() - budget.questions()) + " more questions could not be shown."));
        }
        if (open) {
            String at = DateTimeFormatter.ISO_INSTANT.format(pulse.closesAt());
            body.add(subtle("Open until {{DATE(" + at + ", SHORT)}} {{TIME(" + at + ")}}"));
        }
        return card;
    }

    private static void question(ArrayNode body, PulseCard pulse, AskedQuestion question, boolean open,
                                 CardBudget budget) {
        body.add(text(Texts.cut(question.prompt(), budget.prompt()), true).put("spacing", "Medium"));
        if (question.answered()) {
            body.add(subtle("Your answer: " + Texts.cut(question.chosenLabel(), budget.label())));
        }
        if (question.note() != null && !question.note().isBlank()) {
            body.add(subtle(Texts.cut(question.note(), budget.prompt())));
        }
        if (!open || question.question().length() > budget.data() || tooLong(pulse.ballot(), budget)) {
            return;
        }
        ArrayNode actions = JSON.arrayNode();
        if (question.freeText()) {
            String input = CardData.INPUT_PREFIX + question.question();
            ObjectNode field = JSON.objectNode().put("type", "Input.Text").put("id", input).put("isMultiline", true)
                    .put("maxLength", MAX_ANSWER_TEXT).put("placeholder", "Type your answer");
            if (question.answered() && question.chosen().length() <= MAX_ANSWER_TEXT) {
                field.put("value", Texts.cut(question.chosen(), budget.intro()));
            }
            body.add(field);
            actions.add(action("Send", CardData.of(pulse.roundId(), question.question(), null, pulse.ballot()),
                    false));
            if (question.answered() && question.note() != null) {
                actions.add(action(AskedQuestion.WITHDRAW_LABEL, CardData.of(pulse.roundId(), question.withdrawal(),
                        "withdraw", pulse.ballot()), false));
            }
        } else {
            List<AnswerOption> options = question.options().stream().limit(budget.options())
                    .filter(option -> option.value().length() <= budget.data()).toList();
            if (options.size() > MAX_ACTIONS) {
                body.add(choices(question, options, budget));
                actions.add(action("Send", CardData.of(pulse.roundId(), question.question(), null, pulse.ballot()),
                        false));
            } else {
                for (AnswerOption option : options) {
                    actions.add(action(Texts.cut(option.label(), budget.label()), CardData.of(pulse.roundId(),
                            question.question(), option.value(), pulse.ballot()),
                            option.value().equals(question.chosen())));
                }
            }
        }
        if (!actions.isEmpty()) {
            body.add(JSON.objectNode().put("type", "ActionSet").set("actions", actions));
        }
    }

    /** The options as radio buttons: the Send button's data takes the chosen value from this input. */
    private static ObjectNode choices(AskedQuestion question, List<AnswerOption> options, CardBudget budget) {
        ObjectNode input = JSON.objectNode().put("type", "Input.ChoiceSet").put("id",
                CardData.INPUT_PREFIX + question.question()).put("style", "expanded").put("label", "Your answer");
        ArrayNode choices = input.putArray("choices");
        options.forEach(option -> choices.addObject().put("title", Texts.cut(option.label(), budget.label()))
                .put("value", option.value()));
        if (question.answered() && options.stream().anyMatch(o -> o.value().equals(question.chosen()))) {
            input.put("value", question.chosen());
        }
        return input;
    }

    private static ObjectNode action(String title, ObjectNode data, boolean chosen) {
        ObjectNode submit = JSON.objectNode().put("type", "Action.Submit").put("title", title);
        submit.set("data", data.deepCopy());
        ObjectNode execute = JSON.objectNode().put("type", "Action.Execute").put("title", title)
                .put("verb", CardData.VERB);
        execute.set("data", data);
        if (chosen) {
            execute.put("style", "positive");
            submit.put("style", "positive");
        }
        execute.set("fallback", submit);
        return execute;
    }

    static ObjectNode card(ChatMessage message) {
        return JSON.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", "1.5")
                .put("fallbackText", Texts.cut(message.fallbackText(), 300))
                .set("body", JSON.arrayNode());
    }

    static ObjectNode text(String text, boolean bold) {
        ObjectNode block = JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
        return bold ? block.put("weight", "Bolder") : block;
    }

    static ObjectNode subtle(String text) {
        return JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true)
                .put("isSubtle", true).put("size", "Small");
    }

    private static boolean tooLong(String value, CardBudget budget) {
        return value != null && value.length() > budget.data();
    }
}
