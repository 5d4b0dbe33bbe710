package io.uptake.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.pulse.AnswerCommand;
import java.util.Optional;

/**
 * The data an answer button carries, written into cards and read back from clicks. A free-text answer comes
 * from the card's input named {@code answer.<question>}, merged into the data by the client.
 */
final class CardData {

    static final String VERB = "uptake.answer";
    static final String MARK = "uptake";
    static final String INPUT_PREFIX = "answer.";

    private CardData() {
    }

    static ObjectNode of(long roundId, String question, String value, String ballot) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put(MARK, "answer");
        data.put("roundId", roundId);
        data.put("question", question);
        if (value != null) {
            data.put("value", value);
        }
        if (ballot != null) {
            data.put("ballot", ballot);
        }
        return data;
    }

    static boolean isAnswer(JsonNode data) {
        return "answer".equals(data.path(MARK).asText());
    }

    static Optional<AnswerCommand> answer(JsonNode data, long personId) {
        JsonNode round = data.path("roundId");
        String question = text(data.path("question"));
        if (question == null || !(round.canConvertToLong() || round.asText().matches("\\d{1,18}"))) {
            return Optional.empty();
        }
        String value = text(data.path("value"));
        if (value == null) {
            value = text(data.path(INPUT_PREFIX + question));
        }
        if (value == null) {
            return Optional.empty();
        }
        long roundId = round.canConvertToLong() ? round.asLong() : Long.parseLong(round.asText());
        return Optional.of(new AnswerCommand(roundId, personId, question, value, text(data.path("ballot"))));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }
}
