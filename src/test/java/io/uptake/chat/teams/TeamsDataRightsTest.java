package io.uptake.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.delivery.Dispatcher;
import io.uptake.people.ChatIdentityRepository;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.AnswerCommand;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.RecordAnswer;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code mydata} and {@code forget-me} typed in the Teams personal chat, over signed activities; the export goes
 * out through the real Teams gateway to the fake Bot Connector.
 */
@MicronautTest(transactional = false)
class TeamsDataRightsTest extends TeamsTestContext {

    static final String TENANT = "tenant-data";

    @Inject
    ApplicationContext context;
    @Inject
    SyncTeamsRosters rosters;
    @Inject
    OpenRound openRound;
    @Inject
    RecordAnswer recordAnswer;
    @Inject
    Dispatcher dispatcher;
    @Inject
    ChatIdentityRepository identities;
    @Inject
    PersonRepository people;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("uptake.teams.test.real-gateway", "true");
        return properties;
    }

    @Test
    void mydataSendsTheExportCardToThePersonalChat() {
        long ana = answered("teams-d1", "19:d1@thread.tacv2", "29:ana");

        post(TeamsActivity.text(TENANT, "29:ana", "mydata"));
        String reply = connector.posted().get(connector.posted().size() - 1).text();
        dispatcher.dispatchDue();

        assertThat(reply).startsWith("On its way");
        assertThat(connector.posted()).filteredOn(c -> c.card().toString().contains("Your data in Uptake"))
                .singleElement().satisfies(c -> assertThat(c.card().toString())
                        .contains("ana@example.com", "teams · workspace " + TENANT, "Words of " + ana, "→ 5"));
    }

    @Test
    void forgetMeShowsAConfirmCardAndItsButtonErases() {
        long ben = answered("teams-d2", "19:d2@thread.tacv2", "29:ben");

        post(TeamsActivity.text(TENANT, "29:ben", "forget-me"));
        FakeBotConnector.Call confirm = connector.posted().get(connector.posted().size() - 1);
        assertThat(people.findById(ben).orElseThrow().erasedAt()).isNull();
        JsonNode yes = confirm.card().findParents("title").stream()
                .filter(a -> a.path("title").asText().equals("Yes, erase my data")).findFirst().orElseThrow()
                .path("data");

        post(TeamsActivity.submit(TENANT, "29:ben", yes));

        assertThat(people.findById(ben).orElseThrow().erasedAt()).isNotNull();
        assertThat(people.findById(ben).orElseThrow().email()).isNull();
        assertThat(identities.findByPersonIdOrderById(ben)).isEmpty();
        assertThat(connector.posted().get(connector.posted().size() - 1).text()).startsWith("Done:");
    }

    @Test
    void typingForgetMeConfirmErasesToo() {
        long cy = answered("teams-d3", "19:d3@thread.tacv2", "29:cy");

        post(TeamsActivity.text(TENANT, "29:cy", "forget-me confirm"));

        assertThat(people.findById(cy).orElseThrow().erasedAt()).isNotNull();
    }

    /** A person in a team's pulse who answered trust 5 and wrote a comment; returns their person id. */
    private long answered(String pulseId, String teamId, String userId) {
        TeamsWorld.declare(context, pulseId, teamId, Pulse.Mode.CONFIDENTIAL, Question.TRUST, Question.COMMENT);
        post(TeamsActivity.botAddedToTeam(TENANT, teamId, "29:owner"));
        connector.roster(teamId, List.of(TeamsActivity.members(TeamsActivity.member(userId,
                userId.substring(3) + "@example.com", userId.substring(3)))));
        rosters.run();
        long round = ((OpenRound.Result.Opened) openRound.now(pulseId)).roundId();
        dispatcher.dispatchDue();
        long person = identities.findByPlatformAndTenantIdAndUserId(Platform.TEAMS, TENANT, userId)
                .orElseThrow().personId();
        recordAnswer.record(new AnswerCommand(round, person, "trust", "5", null));
        recordAnswer.record(new AnswerCommand(round, person, "comment", "Words of " + person, null));
        dispatcher.dispatchDue();
        connector.reset();
        return person;
    }
}
