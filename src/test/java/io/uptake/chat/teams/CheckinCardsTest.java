package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinRequest;
import io.uptake.message.OutcomeGapAlert;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check-in form and messages as Adaptive Cards. */
class CheckinCardsTest {

    static final CheckinForm FORM = new CheckinForm("claims-triage", "AI-assisted claims triage",
            "Claims closed per FTE per week", "claims", "up", "120", "150", "2027-Q1", "2026-Q4", null);

    @Test
    void theRequestIsAFormSavedByActionExecuteWithASubmitFallback() {
        ObjectNode card = AdaptiveCards.render(new CheckinRequest(FORM, 0));

        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(card.findValuesAsText("type")).contains("Input.ChoiceSet", "Input.Text")
                .doesNotContain("Input.Number");
        JsonNode save = card.path("actions").path(0);
        assertThat(save.path("verb").asText()).isEqualTo(CheckinCards.VERB);
        assertThat(save.path("data").path("workflowId").asText()).isEqualTo("claims-triage");
        assertThat(save.at("/fallback/data/uptake").asText()).isEqualTo("checkin");
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndShowsTheErrorUnderItsField() {
        ObjectNode card = CheckinCards.refused(FORM, Map.of("value", "lots", "status", "at_risk"),
                Map.of("value", "\"lots\" is not a number."));

        JsonNode body = card.path("body");
        int input = -1;
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).path("id").asText().equals("checkin.value")) {
                input = i;
            }
        }
        assertThat(body.get(input).path("value").asText()).isEqualTo("lots");
        assertThat(body.get(input + 1).path("text").asText()).isEqualTo("\"lots\" is not a number.");
        assertThat(body.get(input + 1).path("color").asText()).isEqualTo("Attention");
        assertThat(card.toString()).contains("\"value\":\"at_risk\"");
    }

    @Test
    void aRefusedFormKeepsTheNumberAsItWasTypedWithItsDecimalComma() {
        ObjectNode card = CheckinCards.refused(FORM, Map.of("value", "131,5"), Map.of("status", "Choose a status."));

        JsonNode value = card.findParents("id").stream().filter(i -> i.path("id").asText().equals("checkin.value"))
                .findFirst().orElseThrow();
        assertThat(value.path("type").asText()).isEqualTo("Input.Text");
        assertThat(value.path("value").asText()).isEqualTo("131,5");
    }

    @Test
    void hugeNamesKeepTheCardUnderTheSizeLimit() {
        String huge = "x".repeat(60_000);
        CheckinForm form = new CheckinForm("claims-triage", huge, huge, huge, "up", "1", "2", "2027-Q1", "2026-Q4",
                null);

        assertThat(AdaptiveCards.bytes(AdaptiveCards.render(new CheckinRequest(form, 0))))
                .isLessThanOrEqualTo(AdaptiveCards.MAX_BYTES);
        assertThat(AdaptiveCards.bytes(AdaptiveCards.render(new CheckinEscalation("w", huge, huge, huge, "2026-Q4",
                7)))).isLessThanOrEqualTo(AdaptiveCards.MAX_BYTES);
    }

    @Test
    void theSponsorSeesClaimedBesideMeasuredOnTeams() {
        ObjectNode card = AdaptiveCards.render(new OutcomeGapAlert("triage", "Ticket triage", "Operations AI",
                "Pam (pam@example.com)", "Tickets closed per day (tickets)", "claimed 120, measured 100 on 1 Dec",
                "20%", "10%", "2026-Q4"));

        assertThat(card.path("body").path(0).path("text").asText())
                .isEqualTo("Claimed and measured outcome differ: Ticket triage");
        assertThat(card.path("body").path(1).path("text").asText()).isEqualTo("Pam (pam@example.com) reported "
                + "Tickets closed per day (tickets) for Ticket triage (Operations AI): claimed 120, measured 100 on "
                + "1 Dec — 20% apart, more than the 10% Uptake lets pass.");
        assertThat(card.path("body").path(2).path("text").asText()).contains("once per workflow in 2026-Q4");
    }
}
