package io.uptake.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.chat.teams.SyncTeamsRosters;
import io.uptake.delivery.Dispatcher;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Comments reach the people who can act, as people would meet them: a programmes file with a pulse asking for a
 * comment on every audience kind (an emails list, a Slack channel in anonymous mode, a Slack user group, a Teams
 * team), ten people of each answering through the real Slack and Teams endpoints, one withdrawing with the button
 * and one with the typed command; the round closed by calling the job at a later time; then the direct messages the
 * fake Slack and Teams recorded for the owners and the sponsor, and the workflow's comments page as each of them,
 * an admin and a stranger see it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentsEndToEndTest implements TestPropertyProvider {

    static final String ADMIN = "comments-e2e-admin";
    static final String TEAM_ID = "19:cmt@thread.tacv2";
    static final Instant OPEN = Instant.parse("2026-11-24T09:00:00Z");
    /** The pulses close 48 hours after they open; this is the Thursday morning after. */
    static final Instant AFTER_CLOSE = Instant.parse("2026-11-26T10:00:00Z");

    static final ScenarioPerson JANE = slack("jane@example.com", "Jane Doe", "UJANE");
    static final ScenarioPerson SAM = slack("sam@example.com", "Sam Lee", "USAM");
    static final ScenarioPerson TOM = new ScenarioPerson("tom@example.com", "Tom Tran", "UTC", "en-GB",
            Platform.TEAMS, "29:tom");
    static final List<ScenarioPerson> LISTED = IntStream.rangeClosed(1, 10)
            .mapToObj(i -> slack("e" + i + "@example.com", "Listed Person" + i, "UE" + i)).toList();
    static final List<ScenarioPerson> CHANNEL = IntStream.rangeClosed(1, 10)
            .mapToObj(i -> slack("c" + i + "@example.com", "Channel Person" + i, "UC" + i)).toList();
    static final List<ScenarioPerson> GROUP = IntStream.rangeClosed(1, 10)
            .mapToObj(i -> slack("g" + i + "@example.com", "Group Person" + i, "UG" + i)).toList();
    static final List<ScenarioPerson> TEAM = IntStream.rangeClosed(1, 10)
            .mapToObj(i -> new ScenarioPerson("t" + i + "@example.com", "Team Person" + i, "UTC", "en-GB",
                    Platform.TEAMS, "29:t" + i)).toList();

    final SlackSide slack = new SlackSide();
    final TeamsSide teams = new TeamsSide();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    Dispatcher dispatcher;

    static ScenarioPerson slack(String email, String name, String id) {
        return new ScenarioPerson(email, name, "UTC", "en-GB", Platform.SLACK, id);
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path file = Files.createTempFile("programmes", ".yaml");
            String listed = LISTED.stream().map(ScenarioPerson::email).collect(Collectors.joining(", "));
            Files.writeString(file, """
                    programmes:
                      - id: ops-ai
                        name: Operations AI
                        sponsor: sam@example.com
                        workflows:
                          - id: w-listed
                            name: Listed drafting
                            owner: jane@example.com
                            audience: { emails: [%s] }
                          - id: w-channel
                            name: Channel triage
                            owner: jane@example.com
                            audience: { slack-channel: C0CMT }
                          - id: w-group
                            name: Group summaries
                            owner: jane@example.com
                            audience: { slack-usergroup: S0CMT }
                          - id: w-team
                            name: Team replies
                            owner: tom@example.com
                            audience: { teams-team: "%s" }
                    pulses:
                      - { id: p-listed, workflow: w-listed, questions: [usage, comment], close-after: 48h,
                          schedule: { every: TUESDAY, at: "09:00", zone: UTC } }
                      - { id: p-channel, workflow: w-channel, questions: [usage, comment], close-after: 48h,
                          mode: anonymous, schedule: { every: TUESDAY, at: "09:00", zone: UTC } }
                      - { id: p-group, workflow: w-group, questions: [usage, comment], close-after: 48h,
                          schedule: { every: TUESDAY, at: "09:00", zone: UTC } }
                      - { id: p-team, workflow: w-team, questions: [usage, comment], close-after: 48h,
                          schedule: { every: TUESDAY, at: "09:00", zone: UTC } }
                    """.formatted(listed, TEAM_ID));
            Map<String, String> properties = new HashMap<>(slack.settings());
            properties.putAll(teams.settings());
            properties.put("uptake.catalog", file.toString());
            properties.put("uptake.admin-token", ADMIN);
            properties.put("uptake.public-url", "https://uptake.example.com/");
            properties.put("uptake.test.clock-start", OPEN.toString());
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void everyoneAnswersAndTheRoundsClose() throws Exception {
        clock.set(OPEN);
        teamsPost(teams.botAddedToTeam(TEAM_ID, TOM.chatId()));
        List<ScenarioPerson> slackPeople = new ArrayList<>(List.of(JANE, SAM));
        slackPeople.addAll(LISTED);
        slackPeople.addAll(CHANNEL);
        slackPeople.addAll(GROUP);
        slack.directory(slackPeople, Map.<String, java.util.Collection<String>>of("C0CMT", ids(CHANNEL)),
                Map.<String, java.util.Collection<String>>of("S0CMT", ids(GROUP)));
        List<ScenarioPerson> roster = new ArrayList<>(TEAM);
        roster.add(TOM);
        teams.roster(TEAM_ID, roster);
        context.getBean(SyncSlackAudiences.class).run();
        context.getBean(SyncTeamsRosters.class).run();
        for (String pulse : List.of("p-listed", "p-channel", "p-group", "p-team")) {
            assertThat(context.getBean(OpenRound.class).now(pulse)).isInstanceOf(OpenRound.Result.Opened.class);
        }
        dispatcher.dispatchDue();

        // Each audience: three comments, everyone else answers the usage question; ten respondents each.
        slackAnswers(LISTED, List.of("Call me on +44 20 7946 0958", "Ask Jane Doe about access, she knows",
                "Drafts are too long"));
        slackAnswers(CHANNEL, List.of("Would be great with <@U0BOSS> reviewing", "mail c9@example.com for logs",
                "The tone is off"));
        slackAnswers(GROUP, List.of("Summaries miss the numbers", "ok for me", "Sam Lee wants the new template"));
        teamsAnswers(TEAM, List.of("Too slow at peak", "<at>Tom Tran</at> please look", "Replies read well"));

        // e1 also answered usage, then takes their comment back with the button in their updated message.
        slackClick(LISTED.get(0), "pulse_answer:usage:1", buttonIn(latestUpdate(LISTED.get(0)), "usage", "1"));
        dispatcher.dispatchDue();
        slackClick(LISTED.get(0), "pulse_answer:withdraw:comment:0",
                buttonIn(latestUpdate(LISTED.get(0)), "withdraw:comment", "withdraw"));
        // t1 answers usage too, then types the withdraw command.
        teamsPost(teams.execute(TEAM.get(0).chatId(), answerData(TEAM.get(0), "usage", "1")));
        teamsPost(teams.text(TEAM.get(0).chatId(), "withdraw"));
        dispatcher.dispatchDue();

        clock.set(AFTER_CLOSE);
        assertThat(context.getBean(CloseRounds.class).run()).isEqualTo(4);
        dispatcher.dispatchDue();
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void theOwnerAndTheSponsorGetEachSlackWorkflowsCommentsScrubbedAndInTheOrderOfTheirWords() {
        String listed = slackDm(JANE, "Listed drafting");
        assertThat(listed).contains("2 comments on Listed drafting", "which 10 people answered",
                "You get them as the owner", "*No blocker named* (2)",
                "• Ask [name] about access, she knows", "• Drafts are too long")
                .doesNotContain("Call me on", "Jane Doe", "Listed Person");
        assertThat(listed.indexOf("Ask [name]")).isLessThan(listed.indexOf("Drafts are"));
        assertThat(slackDm(SAM, "Listed drafting")).contains("You get them as the sponsor", "Ask [name] about access");

        assertThat(slackDm(JANE, "Channel triage")).contains("3 comments on Channel triage",
                "• mail [email] for logs", "• The tone is off", "• Would be great with [mention] reviewing")
                .doesNotContain("U0BOSS", "c9@example.com");
        assertThat(slackDm(SAM, "Group summaries")).contains("3 comments on Group summaries",
                "• [name] wants the new template\n• ok for me\n• Summaries miss the numbers");
        assertThat(slackDm(JANE, "Group summaries")).contains("https://uptake.example.com/workflows/w-group/comments");
    }

    @Test
    void theTeamsOwnerGetsTheTeamsCommentsInTheirChatAndTheSponsorOnSlack() {
        String card = teams.posted().stream().filter(c -> TOM.chatId().equals(teams.userOf(c)))
                .map(c -> c.card().toString()).filter(t -> t.contains("comments on Team replies"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(card).contains("2 comments on Team replies", "You get them as the owner", "• [mention] please look",
                "• Replies read well", "https://uptake.example.com/workflows/w-team/comments")
                .doesNotContain("Too slow at peak", "Tom Tran");
        assertThat(slackDm(SAM, "Team replies")).contains("• [mention] please look", "• Replies read well");
    }

    @Test
    void thePulseToldEachPersonWhoReadsTheirCommentAndWhenBeforeTheyWrote() {
        String anonymous = firstPost(CHANNEL.get(5));
        assertThat(anonymous).contains("Read by Jane Doe (owner) and Sam Lee (sponsor) after the round closes, only "
                + "if at least 10 people answer; names, emails, numbers and mentions are removed. You can withdraw "
                + "it until then. Not linked to you.");
        assertThat(firstPost(GROUP.get(5))).contains("Read by Jane Doe (owner) and Sam Lee (sponsor)")
                .doesNotContain("Not linked to you");
        String card = teams.posted().stream().filter(c -> TEAM.get(5).chatId().equals(teams.userOf(c)))
                .map(c -> c.card().toString()).findFirst().orElseThrow();
        assertThat(card).contains("Read by Tom Tran (owner) and Sam Lee (sponsor) after the round closes");
    }

    @Test
    void theWithdrawCommandSaysWhatItDidAndTheClosedRoundsCommentsCanNoLongerBeWithdrawn() {
        String reply = teams.posted().stream().filter(c -> TEAM.get(0).chatId().equals(teams.userOf(c)))
                .map(FakeBotConnector.Call::text).filter(t -> t.contains("withdrawn")).findFirst().orElseThrow();
        assertThat(reply).startsWith("Your comment is withdrawn: it is deleted and nobody will read it.");

        teamsPost(teams.text(TEAM.get(1).chatId(), "withdraw"));
        String late = teams.posted().stream().filter(c -> TEAM.get(1).chatId().equals(teams.userOf(c)))
                .map(FakeBotConnector.Call::text).filter(t -> t.contains("withdraw")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(late).contains("You have no comment in a pulse still open to withdraw.",
                "Comments in closed pulses can no longer be withdrawn.");
    }

    @Test
    void theCommentsPageShowsTheWordsToTheOwnerAndSponsorOnlyThatTheyExistToAnAdminAndNothingToOthers() {
        Sessions sessions = Sessions.of(context);
        String owner = http.toBlocking().retrieve(sessions.signedIn(HttpRequest.GET("/workflows/w-listed/comments"),
                JANE.email()));
        assertThat(owner).contains("Read by <span>Jane Doe (owner) and Sam Lee (sponsor)</span>",
                "2 comments from 10 people who answered.", "Ask [name] about access, she knows")
                .doesNotContain("Call me on");
        String sponsor = http.toBlocking().retrieve(sessions.signedIn(
                HttpRequest.GET("/workflows/w-team/comments"), SAM.email()));
        assertThat(sponsor).contains("Replies read well");
        String admin = http.toBlocking().retrieve(sessions.signedInAsAdmin(
                HttpRequest.GET("/workflows/w-team/comments")));
        assertThat(admin).contains("As an admin you see which rounds hold comments, not what they say.",
                "2 comments from 10 people who answered.").doesNotContain("Replies read well");
        int stranger;
        try {
            stranger = http.toBlocking().exchange(sessions.signedIn(HttpRequest.GET("/workflows/w-team/comments"),
                    TEAM.get(2).email()), String.class).code();
        } catch (HttpClientResponseException e) {
            stranger = e.getStatus().getCode();
        }
        assertThat(stranger).isEqualTo(404);
    }

    // Slack

    void slackAnswers(List<ScenarioPerson> people, List<String> comments) {
        for (int i = 0; i < people.size(); i++) {
            ScenarioPerson person = people.get(i);
            if (i < comments.size()) {
                slackPost(slack.submitComment(clock, person.chatId(), buttonIn(firstPost(person), "comment", ""),
                        comments.get(i)));
            } else {
                slackClick(person, "pulse_answer:usage:2", buttonIn(firstPost(person), "usage", "2"));
            }
        }
        dispatcher.dispatchDue();
    }

    void slackClick(ScenarioPerson person, String actionId, String value) {
        slackPost(slack.click(clock, person.chatId(), actionId, value));
    }

    void slackPost(SlackSide.SignedBody body) {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.POST("/slack/events", body.body())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Slack-Request-Timestamp", body.timestamp())
                .header("X-Slack-Signature", body.signature()), String.class);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body() == null ? "" : response.body()).doesNotContain("errors");
    }

    String firstPost(ScenarioPerson person) {
        return slack.api().calls("chat.postMessage").stream()
                .filter(c -> person.chatId().equals(c.params().get("channel"))).map(c -> c.params().get("blocks"))
                .findFirst().orElseThrow();
    }

    String latestUpdate(ScenarioPerson person) {
        String channel = "D" + person.chatId().substring(1);
        return slack.api().calls("chat.update").stream().filter(c -> channel.equals(c.params().get("channel")))
                .map(c -> c.params().get("blocks")).reduce((a, b) -> b).orElseThrow();
    }

    /** The value of the button in these blocks that answers {@code question} with {@code value}. */
    static String buttonIn(String blocks, String question, String value) {
        return SlackSide.buttons(blocks).stream().filter(b -> {
            String[] qv = SlackSide.questionAndValue(b);
            return qv[0].equals(question) && qv[1].equals(value);
        }).map(SlackSide.Button::value).findFirst().orElseThrow(() -> new AssertionError(
                "no button answering " + question + " with '" + value + "' in " + blocks));
    }

    /** The text of every Slack direct message to a person about one workflow's comments. */
    String slackDm(ScenarioPerson person, String workflow) {
        List<FakeSlackApi.Call> dms = slack.api().calls("chat.postMessage").stream()
                .filter(c -> person.chatId().equals(c.params().get("channel")))
                .filter(c -> c.params().getOrDefault("blocks", "").contains("comments on " + workflow)).toList();
        assertThat(dms).as("comment messages to " + person.email() + " about " + workflow).hasSize(1);
        return dms.get(0).params().get("blocks").replace("\\n", "\n");
    }

    // Teams

    void teamsAnswers(List<ScenarioPerson> people, List<String> comments) {
        for (int i = 0; i < people.size(); i++) {
            ScenarioPerson person = people.get(i);
            if (i < comments.size()) {
                ObjectNode data = answerData(person, "comment", null);
                data.put("answer.comment", comments.get(i));
                teamsPost(teams.execute(person.chatId(), data));
            } else {
                teamsPost(teams.execute(person.chatId(), answerData(person, "usage", "2")));
            }
        }
        dispatcher.dispatchDue();
    }

    ObjectNode answerData(ScenarioPerson person, String question, String value) {
        FakeBotConnector.Call card = teams.posted().stream().filter(c -> person.chatId().equals(teams.userOf(c)))
                .filter(c -> !TeamsSide.answerData(c.card()).isEmpty()).findFirst().orElseThrow();
        return TeamsSide.answerData(card.card()).stream()
                .filter(d -> d.path("question").asText().equals(question))
                .filter(d -> value == null ? !d.has("value") : d.path("value").asText().equals(value))
                .map(JsonNode::deepCopy).map(ObjectNode.class::cast).findFirst().orElseThrow();
    }

    void teamsPost(String activity) {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.POST("/api/messages", activity)
                .contentType(MediaType.APPLICATION_JSON), String.class);
        assertThat(response.code()).isBetween(200, 202);
    }

    static List<String> ids(List<ScenarioPerson> people) {
        return people.stream().map(ScenarioPerson::chatId).toList();
    }
}
