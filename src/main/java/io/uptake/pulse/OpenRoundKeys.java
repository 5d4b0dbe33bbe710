package io.uptake.pulse;

/** The outbox dedupe keys of pulse messages: one question, and each reminder, per round and person. */
final class OpenRoundKeys {

    private OpenRoundKeys() {
    }

    static String question(long roundId, long personId) {
        return "pulse:" + roundId + ":" + personId;
    }

    static String reminder(long roundId, long personId, int number) {
        return "reminder:" + roundId + ":" + personId + ":" + number;
    }
}
