package io.uptake.chat.teams;

import java.util.List;

/**
 * How much of a message a card may show. The renderer tries each budget in turn until the card fits; only
 * absurd inputs (pages of text, hundreds of options) ever need more than the first.
 *
 * @param intro     code points of the card's introduction
 * @param prompt    code points of each question
 * @param label     code points of each button and shown answer
 * @param questions questions shown
 * @param options   options shown per question
 * @param data      code points of a value or ballot a button may carry; longer ones drop the button
 */
record CardBudget(int intro, int prompt, int label, int questions, int options, int data) {

    static final List<CardBudget> LEVELS = List.of(
            new CardBudget(2000, 1000, 100, 20, 25, 200),
            new CardBudget(800, 300, 60, 10, 12, 120),
            new CardBudget(300, 120, 30, 6, 8, 80));
}
