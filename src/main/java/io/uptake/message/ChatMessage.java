package io.uptake.message;

/**
 * Something the bot says to a person or a channel, before any platform has rendered it.
 *
 * <p>Each kind has a stable name, stored with the message in the outbox so it can be read back.
 */
public sealed interface ChatMessage permits PulseQuestion, PulseReminder, PulseAnswered, PulseClosed,
        DigestMessage, DigestChart,
        CheckinRequest, CheckinEscalation, CheckinSaved, OutcomeGapAlert,
        PlayNudge, OwnerAlert, MyData, ForgetMeConfirm, CommentsShared,
        BoardSummary, EarlyWarning {

    /** The stable name of this kind of message. */
    String kind();

    /** Plain text for notifications, logs of message kinds and platforms' fallbacks. */
    String fallbackText();

    /**
     * Whether the stored copy must be deleted once the platform has it: true for messages that carry an
     * anonymous respondent's answers, which must never sit in the database next to their recipient.
     */
    default boolean forgetAfterSending() {
        return false;
    }
}
