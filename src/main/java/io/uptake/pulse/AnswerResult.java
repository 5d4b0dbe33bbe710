package io.uptake.pulse;

import io.uptake.message.PulseCard;
import java.time.Instant;

/** What became of an answer; every case has words the adapter can show the person. */
public sealed interface AnswerResult {

    String message();

    /**
     * Stored (or replaced); {@code changed} is false when it repeated the answer already stored.
     *
     * @param card the person's pulse as it now stands, answers filled in, for adapters that refresh it at once
     */
    record Recorded(boolean changed, PulseCard card) implements AnswerResult {
        public String message() {
            return "Thanks, your answer is recorded. You can change it until the pulse closes.";
        }
    }

    /** The round had closed. */
    record Closed(Instant closedAt) implements AnswerResult {
        public String message() {
            return "This pulse has closed, so answers are no longer taken. Thanks all the same.";
        }
    }

    /** A comment cannot be withdrawn once its round has closed. */
    record TooLateToWithdraw(Instant closedAt) implements AnswerResult {
        public String message() {
            return "This pulse has closed, so your comment can no longer be withdrawn. It is shown only as the "
                    + "pulse said: without your name, and only if enough people answered.";
        }
    }

    /** The person was not asked in this round. */
    record NotInvited() implements AnswerResult {
        public String message() {
            return "This pulse was not sent to you, so your answer was not recorded.";
        }
    }

    /** The value is not one the question takes. */
    record Invalid(String reason) implements AnswerResult {
        public String message() {
            return "That answer could not be recorded: " + reason;
        }
    }

    /** An anonymous answer was already given from an older copy of the message, which cannot prove it is theirs. */
    record UseLatestMessage() implements AnswerResult {
        public String message() {
            return "Your anonymous answer is already recorded. To change it, use the buttons in the updated message.";
        }
    }
}
