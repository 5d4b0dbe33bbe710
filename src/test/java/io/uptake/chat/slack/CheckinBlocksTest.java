package io.uptake.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uptake.checkin.CheckinCommand;
import io.uptake.message.ChatMessage;
import io.uptake.message.CheckinEscalation;
import io.uptake.message.CheckinForm;
import io.uptake.message.CheckinRequest;
import io.uptake.message.CheckinSaved;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check-in messages and modal in Block Kit. */
class CheckinBlocksTest {

    static final CheckinForm FORM = new CheckinForm("claims-triage", "AI-assisted claims triage",
            "Claims closed per FTE per week", "claims", "up", "120", "150", "2027-Q1", "2026-Q4", "131");

    @Test
    void theRequestCarriesALogCheckinButtonNamingTheWorkflow() {
        SlackMessage message = BlockKit.render(new CheckinRequest(FORM, 0));

        JsonNode button = message.blocks().findParents("action_id").get(0);
        assertThat(button.path("action_id").asText()).isEqualTo(CheckinBlocks.OPEN_ACTION);
        assertThat(button.path("value").asText()).isEqualTo("claims-triage");
        assertThat(button.at("/text/text").asText()).isEqualTo("Log check-in");
        assertThat(message.blocks().get(1).at("/text/text").asText())
                .startsWith("Your 2026-Q4 outcome check-in for *AI-assisted claims triage* is due.")
                .contains("baseline 120, target 150 by 2027-Q1", "Last value logged: 131");
    }

    @Test
    void aReminderSaysSo() {
        SlackMessage message = BlockKit.render(new CheckinRequest(FORM, 2));

        assertThat(message.blocks().get(0).at("/text/text").asText()).startsWith("Reminder: check-in for");
        assertThat(message.text()).startsWith("Reminder: the 2026-Q4 outcome check-in");
    }

    @Test
    void hugeNamesStayWithinTheLimitsAndMrkdwnIsEscaped() {
        String huge = "<!channel> & ".repeat(400);
        CheckinForm form = new CheckinForm("claims-triage", huge, huge, huge, "down", "1", "2", "2027-Q1", "2026-Q4",
                null);
        List<ChatMessage> messages = new ArrayList<>(List.of(new CheckinRequest(form, 1),
                new CheckinEscalation("claims-triage", huge, huge, huge, "2026-Q4", 7),
                new CheckinSaved(huge, "2026-Q4", "1", huge, "at_risk", 3, null)));

        for (ChatMessage message : messages) {
            SlackMessage rendered = BlockKit.render(message);
            assertThat(BlockKitLimits.check(rendered)).as(message.kind()).isEmpty();
            assertThat(rendered.blocks().findParents("type")).filteredOn(n -> n.path("type").asText().equals("mrkdwn"))
                    .allSatisfy(n -> assertThat(n.path("text").asText()).doesNotContain("<!channel>"));
        }
    }

    @Test
    void theModalHasOneNamedInputPerFieldAndTheWorkflowInItsMetadata() {
        ObjectNode view = CheckinModalView.render(FORM);

        assertThat(view.path("callback_id").asText()).isEqualTo(CheckinModalView.CALLBACK);
        assertThat(view.path("private_metadata").asText()).isEqualTo("claims-triage");
        assertThat(view.at("/title/text").asText()).hasSizeLessThanOrEqualTo(24);
        List<String> inputs = new ArrayList<>();
        view.path("blocks").forEach(b -> {
            if (b.path("type").asText().equals("input")) {
                inputs.add(b.path("block_id").asText() + "=" + b.at("/element/action_id").asText() + ":"
                        + b.at("/element/type").asText() + (b.path("optional").asBoolean() ? "?" : ""));
            }
        });
        assertThat(inputs).containsExactly(CheckinCommand.VALUE + "=value:plain_text_input",
                "status=status:static_select", "confidence=confidence:static_select",
                "evidence=evidence:url_text_input?", "note=note:plain_text_input?");
        assertThat(view.at("/blocks/3/element/options")).hasSize(11);
        assertThat(view.at("/blocks/1/element/initial_value").asText()).isEqualTo("131");
    }
}
