package io.uptake.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.AnswerOption;
import io.uptake.message.AskedQuestion;
import io.uptake.message.PulseCard;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a pulse card as blocks: a header, a lead paragraph, the questions, then small print.
 *
 * <p>Each question is a section with its prompt, followed while the round is open by its buttons (in blocks
 * of 25). When the questions need more blocks than the 50 Slack allows, the ones that fit are shown in order
 * and a line says how many did not.
 */
final class PulseCardBlocks {

    /**
     * How one kind of message shows the card.
     *
     * @param title     the header, plain text
     * @param lead      the first paragraph, escaped mrkdwn within the section limit
     * @param buttons   whether people can still answer
     * @param questions whether the questions are listed at all
     * @param notes     small-print lines at the end, escaped mrkdwn
     */
    record Layout(String title, String lead, boolean buttons, boolean questions, List<String> notes) {
    }

    static final String COMMENT_LABEL = "Write a comment";
    static final String EDIT_COMMENT_LABEL = "Edit your comment";
    /** The value a "Withdraw my comment" button carries; what is withdrawn is named by its question. */
    static final String WITHDRAW_VALUE = "withdraw";

    private static final int MAX_PROMPT = 2000;
    private static final int MAX_ANSWER = 900;
    private static final int MAX_NOTE = 600;
    /** Room kept for the line that says how many questions did not fit. */
    private static final int MORE_LINE = 60;

    private PulseCardBlocks() {
    }

    static ArrayNode render(PulseCard card, Layout layout) {
        ArrayNode blocks = Blocks.array();
        blocks.add(Blocks.header(layout.title()));
        blocks.add(Blocks.section(layout.lead()));
        int room = Blocks.MAX_BLOCKS - blocks.size() - layout.notes().size();
        int roomText = Blocks.MAX_MESSAGE_TEXT - Blocks.textLength(blocks)
                - layout.notes().stream().mapToInt(String::length).sum();
        List<List<ObjectNode>> questions = layout.questions()
                ? card.questions().stream().map(q -> question(card, q, layout.buttons())).toList()
                : List.of();
        int needed = questions.stream().mapToInt(List::size).sum();
        int neededText = questions.stream().mapToInt(PulseCardBlocks::textLength).sum();
        int shown = needed <= room && neededText <= roomText ? questions.size()
                : fitting(questions, room - 1, roomText - MORE_LINE);
        questions.subList(0, shown).forEach(blocks::addAll);
        if (shown < questions.size()) {
            int left = questions.size() - shown;
            blocks.add(Blocks.context(left + (left == 1 ? " more question does" : " more questions do")
                    + " not fit in this message."));
        }
        layout.notes().forEach(note -> blocks.add(Blocks.context(note)));
        return blocks;
    }

    /** How many questions, from the first, fit in this many blocks and characters of text. */
    private static int fitting(List<List<ObjectNode>> questions, int room, int roomText) {
        int used = 0;
        int usedText = 0;
        int count = 0;
        for (List<ObjectNode> question : questions) {
            if (used + question.size() > room || usedText + textLength(question) > roomText) {
                break;
            }
            used += question.size();
            usedText += textLength(question);
            count++;
        }
        return count;
    }

    private static int textLength(List<ObjectNode> blocks) {
        return blocks.stream().mapToInt(Blocks::textLength).sum();
    }

    private static List<ObjectNode> question(PulseCard card, AskedQuestion question, boolean buttons) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(Blocks.section(prompt(question, buttons)));
        if (question.note() != null && !question.note().isBlank()) {
            blocks.add(Blocks.context(SlackText.mrkdwn(question.note(), MAX_NOTE)));
        }
        if (buttons) {
            List<ObjectNode> elements = question.freeText() ? commentButton(card, question) : options(card, question);
            for (int from = 0; from < elements.size(); from += Blocks.MAX_ELEMENTS) {
                blocks.add(Blocks.actions(elements.subList(from, Math.min(elements.size(),
                        from + Blocks.MAX_ELEMENTS))));
            }
        }
        return blocks;
    }

    private static String prompt(AskedQuestion question, boolean buttons) {
        String prompt = SlackText.orElse(question.prompt(), SlackText.orElse(question.question(), "Question")).strip();
        String text = "*" + SlackText.mrkdwn(prompt, MAX_PROMPT) + "*";
        if (question.answered()) {
            String label = question.freeText() ? "Your comment: " : "Your answer: ";
            return text + "\n" + label + SlackText.mrkdwn(SlackText.orElse(question.chosenLabel(), "…"), MAX_ANSWER);
        }
        return buttons ? text : text + "\n_No answer_";
    }

    /** One button per option; an option whose value cannot fit in a button is left out rather than garbled. */
    private static List<ObjectNode> options(PulseCard card, AskedQuestion question) {
        List<ObjectNode> buttons = new ArrayList<>();
        List<AnswerOption> options = question.options();
        for (int i = 0; i < options.size(); i++) {
            AnswerOption option = options.get(i);
            if (!AnswerButtonValue.fits(card.roundId(), question.question(), option.value(), card.ballot())) {
                continue;
            }
            buttons.add(Blocks.button(SlackText.orElse(option.label(), option.value()),
                    PulseActions.answer(question.question(), i),
                    AnswerButtonValue.encode(card.roundId(), question.question(), option.value(), card.ballot()),
                    option.value().equals(question.chosen())));
        }
        return buttons;
    }

    private static List<ObjectNode> commentButton(PulseCard card, AskedQuestion question) {
        if (!AnswerButtonValue.fits(card.roundId(), question.question(), "", card.ballot())) {
            return List.of();
        }
        List<ObjectNode> buttons = new ArrayList<>();
        buttons.add(Blocks.button(question.answered() ? EDIT_COMMENT_LABEL : COMMENT_LABEL,
                PulseActions.comment(question.question()),
                AnswerButtonValue.encode(card.roundId(), question.question(), "", card.ballot()), false));
        // Withdrawing goes the way of an answer: the round, the person and, when anonymous, the ballot say whose.
        if (question.answered() && question.note() != null
                && AnswerButtonValue.fits(card.roundId(), question.withdrawal(), WITHDRAW_VALUE, card.ballot())) {
            buttons.add(Blocks.button(AskedQuestion.WITHDRAW_LABEL, PulseActions.answer(question.withdrawal(), 0),
                    AnswerButtonValue.encode(card.roundId(), question.withdrawal(), WITHDRAW_VALUE, card.ballot()),
                    false));
        }
        return buttons;
    }
}
