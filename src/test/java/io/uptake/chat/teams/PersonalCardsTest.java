package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.message.ForgetMeConfirm;
import io.uptake.message.MyData;
import io.uptake.message.OwnerAlert;
import io.uptake.message.PlayNudge;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonalCardsTest {

    @Test
    void aPlayNudgeOpensThePlay() {
        JsonNode card = AdaptiveCards.render(new PlayNudge("Claims triage", "https://wiki.example.com/p", "Jane"));

        assertThat(card.path("actions").path(0).path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(card.path("actions").path(0).path("url").asText()).isEqualTo("https://wiki.example.com/p");
        assertThat(card.toString()).contains("Jane owns it");
    }

    @Test
    void anOwnerAlertListsEachReason() {
        JsonNode card = AdaptiveCards.render(new OwnerAlert("Claims triage", "2026-W47",
                List.of("trust fell 18 points", "only 45% answered")));

        assertThat(card.toString()).contains("2026-W47", "• trust fell 18 points", "• only 45% answered");
    }

    @Test
    void aHugeExportStaysUnderTheCardSizeAndSaysSo() {
        List<String> lines = IntStream.range(0, 3000).mapToObj(i -> "line " + i + " " + "ü".repeat(300)).toList();

        var card = AdaptiveCards.render(new MyData(List.of(new MyData.Section("Answers", lines))));

        assertThat(AdaptiveCards.bytes(card)).isLessThanOrEqualTo(AdaptiveCards.MAX_BYTES);
        assertThat(card.toString()).contains("too long for one card");
    }

    @Test
    void theErasureButtonsCarryTheCommandsTheyStandFor() {
        JsonNode card = AdaptiveCards.render(new ForgetMeConfirm());

        assertThat(PersonalCards.command(card.path("actions").path(0).path("data")))
                .contains(ForgetMeConfirm.CONFIRM_COMMAND);
        assertThat(PersonalCards.command(card.path("actions").path(1).path("data")))
                .contains(ForgetMeConfirm.CANCEL_COMMAND);
    }
}
