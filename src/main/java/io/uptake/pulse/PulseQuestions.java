package io.uptake.pulse;

import io.uptake.catalog.BlockerCategory;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The wording and answer options of each question kind, and how a chosen value is stored. */
final class PulseQuestions {

    static final List<AnswerOption> USAGE = List.of(new AnswerOption("Never", "0"), new AnswerOption("Once", "1"),
            new AnswerOption("A few times", "2"), new AnswerOption("Most days", "3"));
    static final List<AnswerOption> TRUST = List.of(new AnswerOption("1 · Not at all", "1"),
            new AnswerOption("2", "2"), new AnswerOption("3", "3"), new AnswerOption("4", "4"),
            new AnswerOption("5 · Completely", "5"));
    static final List<AnswerOption> CORRECTION = List.of(new AnswerOption("Never", "0"),
            new AnswerOption("Sometimes", "1"), new AnswerOption("Often", "2"), new AnswerOption("Always", "3"));
    /**
     * Cycle time in minutes, offered as ranges; the value stored is each range's middle, and for the open-ended
     * last range ("half a day or more", from 4 hours) 5 hours.
     */
    static final List<AnswerOption> CYCLE_TIME = List.of(new AnswerOption("Under 5 min", "3"),
            new AnswerOption("5–10 min", "8"), new AnswerOption("10–20 min", "15"),
            new AnswerOption("20–40 min", "30"), new AnswerOption("40–60 min", "50"),
            new AnswerOption("1–2 hours", "90"), new AnswerOption("2–4 hours", "180"),
            new AnswerOption("Half a day or more", "300"));
    /**
     * The cycle-time answer cards offered before the ranges went beyond an hour: "Over an hour", stored as 75. It is
     * no longer offered, but a press of it on a card sent before then is still taken, and stored as 75.
     */
    static final AnswerOption OVER_AN_HOUR = new AnswerOption("Over an hour", "75");
    /** What is most in the way: one button per blocker category, its stored value as the button's value. */
    static final List<AnswerOption> BLOCKERS = BlockerCategory.inOrder().stream()
            .map(c -> new AnswerOption(c.label(), Integer.toString(c.value()))).toList();
    static final int MAX_TEXT = 2000;
    /** The question kind whose answers are also self-reported usage. */
    static final String USAGE_QUESTION = "usage";
    /** The stored value of the usage answer "Never". */
    static final int NEVER = 0;

    private PulseQuestions() {
    }

    static List<AskedQuestion> ask(List<String> kinds, String workflow, String task) {
        return kinds.stream().map(kind -> ask(kind, workflow, task)).toList();
    }

    static AskedQuestion ask(String kind, String workflow, String task) {
        return switch (kind) {
            case "usage" -> new AskedQuestion(kind, "How often did you use " + workflow + " this week?", USAGE, null);
            case "trust" -> new AskedQuestion(kind, "How far do you trust its output enough to rely on it?", TRUST,
                    null);
            case "correction" -> new AskedQuestion(kind, "How often did its output need fixing?", CORRECTION, null);
            case "cycle-time" -> new AskedQuestion(kind, task == null ? "How long does the task take you now?"
                    : "How long does this task take you now: " + task.strip() + "?", CYCLE_TIME, null);
            case "comment" -> new AskedQuestion(kind, "Anything else? (optional)", List.of(), null);
            case "blockers" -> new AskedQuestion(kind, "What's most in the way of using " + workflow + "?", BLOCKERS,
                    null);
            case "blockers-comment" -> new AskedQuestion(kind, "Anything to add? (optional)", List.of(), null);
            default -> throw new IllegalArgumentException("unknown question kind " + kind);
        };
    }

    /**
     * An answer to one of a card's questions in its stored form, or why it is refused: the card does not ask that
     * question, or the value is not one it takes. The pulse's and the stakeholder pulse's answers are read alike.
     */
    static Checked check(PulseCard card, String question, String value) {
        Optional<AskedQuestion> asked = card.questions().stream().filter(q -> q.question().equals(question))
                .findFirst();
        if (asked.isEmpty()) {
            return new Checked(null, new AnswerResult.Invalid("this pulse does not ask '" + question + "'"));
        }
        return value(asked.get(), value).map(v -> new Checked(v, null)).orElseGet(() -> new Checked(null,
                new AnswerResult.Invalid(asked.get().freeText()
                        ? "write between 1 and " + MAX_TEXT + " characters" : "pick one of the offered answers")));
    }

    /** An answer's stored value, or (value null) the refusal to give instead. */
    record Checked(StoredValue value, AnswerResult.Invalid refusal) {
    }

    /** The stored form of an answer, or empty when the value is not one this question accepts. */
    static Optional<StoredValue> value(AskedQuestion question, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (question.freeText()) {
            String text = value.strip();
            return text.isEmpty() || text.length() > MAX_TEXT ? Optional.empty()
                    : Optional.of(new StoredValue(null, null, text));
        }
        boolean legacy = question.question().equals("cycle-time") && value.equals(OVER_AN_HOUR.value());
        if (!legacy && question.options().stream().noneMatch(o -> o.value().equals(value))) {
            return Optional.empty();
        }
        return Optional.of(question.question().equals("cycle-time")
                ? new StoredValue(null, new BigDecimal(value), null)
                : new StoredValue(Integer.valueOf(value), null, null));
    }

    /** An answer's value in its column: a scale point, a number of minutes, or text. */
    record StoredValue(Integer valueInt, BigDecimal valueNum, String valueText) {

        static String of(AnswerRow row) {
            return new StoredValue(row.valueInt(), row.valueNum(), row.valueText()).shown();
        }

        /** The value as the card's buttons and inputs name it. */
        String shown() {
            if (valueText != null) {
                return valueText;
            }
            if (valueNum != null) {
                return valueNum.stripTrailingZeros().toPlainString();
            }
            return valueInt == null ? null : valueInt.toString();
        }
    }
}
