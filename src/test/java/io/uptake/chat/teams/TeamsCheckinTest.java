package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.CatalogLookup;
import io.uptake.checkin.CheckinRecords;
import io.uptake.checkin.CheckinWorld;
import io.uptake.people.LinkIdentity;
import io.uptake.platform.Platform;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Outcome check-ins in Teams over real HTTP: {@code checkin} typed in the personal chat answers with the form
 * card; a save with a bad value returns the card with the field error and stores nothing; a correct save returns
 * the receipt; a non-owner is told who the owner is; {@code stage} moves the workflow.
 */
@MicronautTest(transactional = false)
class TeamsCheckinTest extends TeamsTestContext {

    static final String TENANT = "tenant-checkin";

    @Inject
    ApplicationContext context;
    @Inject
    LinkIdentity identities;
    @Inject
    CheckinRecords records;
    @Inject
    CatalogLookup catalog;

    @Test
    void theOwnerGetsTheFormAndABadValueComesBackWithItsErrorThenTheCheckinIsSaved() throws IOException {
        owner("wf-t1", "tom@example.com", "29:tom");

        post(TeamsActivity.text(TENANT, "29:tom", "checkin"));
        JsonNode card = connector.posted().get(connector.posted().size() - 1).card();
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(card.findValuesAsText("id")).contains("checkin.value", "checkin.status", "checkin.confidence",
                "checkin.evidence", "checkin.note");
        JsonNode save = card.path("actions").path(0);
        assertThat(save.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(save.path("fallback").path("type").asText()).isEqualTo("Action.Submit");

        Answer refused = post(TeamsActivity.execute(TENANT, "29:tom", CheckinCards.VERB,
                inputs(save.path("data"), "lots", "6")));
        JsonNode refusedBody = json(refused.body());
        assertThat(refusedBody.path("type").asText()).isEqualTo(CardInvokeResponses.CARD);
        assertThat(refusedBody.path("value").findParents("color").stream()
                .filter(b -> b.path("color").asText().equals("Attention")).map(b -> b.path("text").asText()))
                .anySatisfy(text -> assertThat(text).contains("\"lots\" is not a number"));
        assertThat(refusedBody.path("value").toString()).contains("\"value\":\"on_track\"");
        assertThat(records.latest("wf-t1")).isEmpty();

        Answer saved = post(TeamsActivity.execute(TENANT, "29:tom", CheckinCards.VERB,
                inputs(save.path("data"), "142", "6")));
        assertThat(json(saved.body()).path("value").toString()).contains("Check-in saved", "142 claims");
        assertThat(records.latest("wf-t1").orElseThrow().value()).isEqualByComparingTo(new BigDecimal("142"));
    }

    @Test
    void anActionSubmitWithAMissingStatusIsRefusedInTheChat() {
        owner("wf-t2", "uma@example.com", "29:uma");
        ObjectNode data = FakeBotConnector.JSON.createObjectNode().put("uptake", "checkin").put("workflowId", "wf-t2")
                .put("checkin.value", "130").put("checkin.confidence", "5");

        post(TeamsActivity.submit(TENANT, "29:uma", data));

        assertThat(connector.posted().get(connector.posted().size() - 1).text())
                .isEqualTo("Not saved: Choose on track, at risk or off track.");
        assertThat(records.latest("wf-t2")).isEmpty();
    }

    @Test
    void someoneElseIsToldWhoTheOwnerIsAndTheirSaveIsRefused() throws IOException {
        owner("wf-t3", "vic@example.com", "29:vic");
        identities.link(new LinkIdentity.ChatUser(Platform.TEAMS, TENANT, "29:wendy", "wendy@example.com", "Wendy",
                null,
                null, null, null));

        post(TeamsActivity.text(TENANT, "29:wendy", "checkin wf-t3"));
        Answer forged = post(TeamsActivity.execute(TENANT, "29:wendy", CheckinCards.VERB,
                inputs(FakeBotConnector.JSON.createObjectNode().put("uptake", "checkin").put("workflowId", "wf-t3"),
                        "150", "9")));

        assertThat(connector.posted().get(connector.posted().size() - 1).text())
                .isEqualTo("Only vic@example.com can log Workflow wf-t3's check-in.");
        assertThat(json(forged.body()).path("type").asText()).isEqualTo(CardInvokeResponses.MESSAGE);
        assertThat(json(forged.body()).path("value").asText()).contains("vic@example.com");
        assertThat(records.latest("wf-t3")).isEmpty();
    }

    @Test
    void theOwnerRetiresTheWorkflowWithTheStageCommand() {
        owner("wf-t4", "xena@example.com", "29:xena");

        post(TeamsActivity.text(TENANT, "29:xena", "stage wf-t4 retired"));

        assertThat(connector.posted().get(connector.posted().size() - 1).text())
                .isEqualTo("Workflow wf-t4 is now in retired, since 2026-11-22. Recorded in its stage history.");
        var row = catalog.workflow("wf-t4").orElseThrow();
        assertThat(row.stage()).isEqualTo("retired");
        assertThat(row.retiredAt()).isNotNull();
    }

    @Test
    void anOwnerOfSeveralWorkflowsIsAskedToNameOne() {
        CheckinWorld.in(context).workflow("wf-t5", "yves@example.com").workflow("wf-t6", "yves@example.com")
                .workflowWithoutOutcome("wf-t7", "yves@example.com").declare();
        identities.link(new LinkIdentity.ChatUser(Platform.TEAMS, TENANT, "29:yves", "yves@example.com", null, null,
                null,
                null, null));

        post(TeamsActivity.text(TENANT, "29:yves", "checkin"));

        assertThat(connector.posted().get(connector.posted().size() - 1).text()).isEqualTo(
                "You own several workflows. Name one:\n• `checkin wf-t5`: Workflow wf-t5\n"
                        + "• `checkin wf-t6`: Workflow wf-t6");
    }

    @Test
    void aDecimalCommaTypedInAGermanTeamsClientIsSavedAsTheDecimalMeant() throws IOException {
        owner("wf-t8", "jonas@example.com", "29:jonas");
        post(TeamsActivity.text(TENANT, "29:jonas", "checkin"));
        JsonNode card = connector.posted().get(connector.posted().size() - 1).card();
        assertThat(card.findParents("id").stream().filter(i -> i.path("id").asText().equals("checkin.value"))
                .map(i -> i.path("type").asText())).containsExactly("Input.Text");

        Answer saved = post(TeamsActivity.execute(TENANT, "29:jonas", CheckinCards.VERB,
                inputs(card.path("actions").path(0).path("data"), "47,5", "6")).locale("de-DE"));

        assertThat(json(saved.body()).path("value").toString()).contains("Check-in saved", "47.5 claims");
        assertThat(records.latest("wf-t8").orElseThrow().value()).isEqualByComparingTo(new BigDecimal("47.5"));
    }

    @Test
    void aValueFarFromBaselineAndTargetComesBackWithAToggleAndIsSavedOnceConfirmed() throws IOException {
        owner("wf-t9", "kai@example.com", "29:kai");
        JsonNode data = FakeBotConnector.JSON.createObjectNode().put("uptake", "checkin").put("workflowId", "wf-t9");

        Answer asked = post(TeamsActivity.execute(TENANT, "29:kai", CheckinCards.VERB, inputs(data, "475", "6")));

        JsonNode form = json(asked.body()).path("value");
        assertThat(form.toString()).contains("475 claims is far from this outcome's baseline (120) and target (150)");
        JsonNode toggle = form.findParents("id").stream()
                .filter(i -> i.path("id").asText().equals("checkin.confirm")).findFirst().orElseThrow();
        assertThat(toggle.path("type").asText()).isEqualTo("Input.Toggle");
        assertThat(toggle.path("valueOn").asText()).isEqualTo("475");
        assertThat(form.toString()).contains("\"value\":\"475\"", "\"value\":\"on_track\"");
        assertThat(records.latest("wf-t9")).isEmpty();

        Answer saved = post(TeamsActivity.execute(TENANT, "29:kai", CheckinCards.VERB,
                ((ObjectNode) inputs(data, "475", "6")).put("checkin.confirm", "475")));

        assertThat(json(saved.body()).path("value").toString()).contains("Check-in saved", "475 claims");
        assertThat(records.latest("wf-t9").orElseThrow().value()).isEqualByComparingTo(new BigDecimal("475"));
    }

    private void owner(String workflowId, String email, String userId) {
        CheckinWorld.in(context).workflow(workflowId, email).declare();
        identities.link(new LinkIdentity.ChatUser(Platform.TEAMS, TENANT, userId, email, null, null, null, null, null));
    }

    /** The form's data with what the owner typed merged in, as Teams sends it. */
    private static JsonNode inputs(JsonNode data, String value, String confidence) {
        return ((ObjectNode) data.deepCopy()).put("checkin.value", value).put("checkin.status", "on_track")
                .put("checkin.confidence", confidence).put("checkin.note", "Backlog down by a fifth");
    }

    private static JsonNode json(String body) throws IOException {
        return FakeBotConnector.JSON.readTree(body);
    }
}
