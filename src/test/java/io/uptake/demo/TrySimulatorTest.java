package io.uptake.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.scenario.Membership;
import io.uptake.scenario.Platform;
import io.uptake.scenario.Scenario;
import io.uptake.scenario.ScenarioEvent;
import io.uptake.scenario.ScenarioPerson;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat simulator through its pages, as a person of each audience kind: the pulse the demo opened now is in
 * their conversation, a click records the answer (seen in the admin API's export of their data) and updates the
 * message, a typed command is answered, and an owner's check-in form saves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrySimulatorTest {

    private static final Pattern ROUND = Pattern.compile("name=\"round\" value=\"(\\d+)\"");

    private Scenario scenario;
    private Map<String, ScenarioPerson> people;
    private final TryClient browser = new TryClient();

    @BeforeAll
    void seed() {
        DemoMarker marker = SeededDemo.server().getApplicationContext().getBean(DemoDatabase.class).marker()
                .orElseThrow();
        scenario = DemoStart.scenario(marker.seed(), marker.firstMonday());
        people = scenario.peopleByEmail();
    }

    @Test
    void thePeoplePageListsSponsorsOwnersAndTheLeadersChannels() throws Exception {
        HttpResponse<String> page = browser.get("/try");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sponsors (4)").contains("Workflow owners").contains("C0LEADERS")
                .contains("19:leaders@thread.tacv2").contains("Demo.");
    }

    @Test
    void aSlackChannelMemberAnswersThePulseAndTheAnswerIsRecorded() throws Exception {
        ScenarioPerson person = askable("claims-triage", Platform.SLACK);
        String path = "/try/slack/" + person.chatId();
        String page = browser.get(path).body();
        assertThat(page).contains("Quick pulse on Claims triage");
        long round = latestRound(page);
        int before = answerLines(person);
        HttpResponse<String> click = browser.post(path + "/answers", Map.of("round", Long.toString(round),
                "question", "trust", "value", "4", "ballot", ""));
        assertThat(click.statusCode()).isEqualTo(303);
        assertThat(click.headers().firstValue("Location")).hasValue(path + "#latest");
        assertThat(pressed(browser.get(path).body())).isEqualTo(pressed(page) + 1);
        assertThat(answerLines(person)).isEqualTo(before + 1);
    }

    @Test
    void aTeamsTeamMemberSeesThePulseAndTheirClickUpdatesIt() throws Exception {
        ScenarioPerson person = askable("service-summaries", Platform.TEAMS);
        String path = "/try/teams/" + TryClient.enc(person.chatId());
        String page = browser.get(path).body();
        assertThat(page).contains("Quick pulse on Case summaries");
        HttpResponse<String> click = browser.post(path + "/answers", Map.of("round", Long.toString(
                latestRound(page)), "question", "correction", "value", "1", "ballot", ""));
        assertThat(click.statusCode()).isEqualTo(303);
        assertThat(pressed(browser.get(path).body())).isEqualTo(pressed(page) + 1);
    }

    @Test
    void aCommentWrittenUnderThePulseIsKeptAndShownInTheMessage() throws Exception {
        ScenarioPerson person = askable("service-summaries", Platform.TEAMS);
        String path = "/try/teams/" + TryClient.enc(person.chatId());
        String page = browser.get(path).body();
        assertThat(page).contains("Write a comment");
        HttpResponse<String> sent = browser.post(path + "/answers", Map.of("round", Long.toString(
                latestRound(page)), "question", "comment", "comment", "Saves me a morning a week", "ballot", ""));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(browser.get(path).body()).contains("Your comment: Saves me a morning a week");
    }

    @Test
    void someoneOnAnEmailListGetsTheAnonymousPulseInTheirChat() throws Exception {
        ScenarioPerson person = askable("claims-letters", Platform.SLACK);
        String path = "/try/slack/" + person.chatId();
        String page = browser.get(path).body();
        assertThat(page).contains("Quick pulse on Claims letters").contains("Answers are anonymous");
        HttpResponse<String> click = browser.post(path + "/answers", Map.of("round", Long.toString(
                latestRound(page)), "question", "trust", "value", "5", "ballot", ""));
        assertThat(click.statusCode()).isEqualTo(303);
        assertThat(pressed(browser.get(path).body())).isEqualTo(pressed(page) + 1);
    }

    @Test
    void anUptakeCommandIsAnswered() throws Exception {
        ScenarioPerson person = askable("service-replies", Platform.SLACK);
        String path = "/try/slack/" + person.chatId();
        browser.get(path);
        assertThat(browser.post(path + "/commands", Map.of("text", "/uptake help")).statusCode()).isEqualTo(303);
        String page = browser.get(path).body();
        assertThat(page).contains("`pause [2w]`").contains("class=\"typed\">help<");
        browser.post(path + "/commands", Map.of("text", "pause 1w"));
        assertThat(browser.get(path).body()).contains("Paused until");
    }

    @Test
    void theOwnerSubmitsTheCheckinFormAndGetsTheReceipt() throws Exception {
        ScenarioPerson owner = people.get(scenario.workflow("finance-close").ownerEmail());
        String path = "/try/teams/" + TryClient.enc(owner.chatId());
        browser.get(path);
        browser.post(path + "/commands", Map.of("text", "checkin finance-close"));
        assertThat(browser.get(path).body()).contains("Open the check-in form");
        HttpResponse<String> form = browser.get(path + "/checkin/finance-close");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Close days saved per month");
        HttpResponse<String> refused = browser.post(path + "/checkin/finance-close", Map.of("value", "lots",
                "status", "on_track", "confidence", "7"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is not a number");
        HttpResponse<String> saved = browser.post(path + "/checkin/finance-close", Map.of("value", "3.5",
                "status", "on_track", "confidence", "7", "note", "Two days saved in November"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(browser.get(path).body()).contains("Check-in saved for Month-end close");
    }

    @Test
    void aLeadersChannelShowsTheDigest() throws Exception {
        HttpResponse<String> page = browser.get("/try/channels/slack/C0LEADERS");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Claims AI").contains("Last complete week");
    }

    @Test
    void theDashboardOpensAsTheDemosAdminAndSwitchesToASponsorsViewpoint() throws Exception {
        TryClient visitor = new TryClient();
        assertThat(text(visitor.get("/").body())).contains("Viewing as Admin (admin)");
        String sponsor = scenario.catalogues().get(0).text().lines().filter(l -> l.contains("sponsor: "))
                .findFirst().orElseThrow().replaceFirst(".*sponsor: ", "").strip();
        assertThat(visitor.get("/demo/view").body()).contains(sponsor);
        HttpResponse<String> chosen = visitor.post("/demo/view", Map.of("as", sponsor));
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(text(visitor.get("/").body())).contains("Viewing as " + people.get(sponsor).name()
                + " (sponsor)");
        assertThat(visitor.post("/demo/view", Map.of("as", "stranger@elsewhere.example")).statusCode())
                .isEqualTo(400);
        visitor.post("/demo/view", Map.of("as", "admin"));
        assertThat(text(visitor.get("/").body())).contains("Viewing as Admin (admin)");
    }

    @Test
    void badInputIsRefusedWithAPlainMessage() throws Exception {
        browser.get("/try");
        assertThat(browser.get("/try/slack/U9999999").statusCode()).isEqualTo(404);
        assertThat(browser.get("/try/fax/U0000001").statusCode()).isEqualTo(404);
        ScenarioPerson person = askable("claims-triage", Platform.SLACK);
        HttpResponse<String> bad = browser.post("/try/slack/" + person.chatId() + "/answers",
                Map.of("round", "x", "question", "trust", "value", "4"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("An answer needs the round");
    }

    /** Someone in the workflow's audience in the last played week who never opted out, paused or was erased. */
    private ScenarioPerson askable(String workflowId, Platform platform) {
        int last = DemoContexts.WEEKS - 1;
        Set<String> excluded = new HashSet<>();
        for (int w = 0; w <= last; w++) {
            for (ScenarioEvent e : scenario.timeline().get(w).events()) {
                if (e instanceof ScenarioEvent.OptedOut o) {
                    excluded.add(o.email());
                } else if (e instanceof ScenarioEvent.Paused p) {
                    excluded.add(p.email());
                } else if (e instanceof ScenarioEvent.Erased x) {
                    excluded.add(x.email());
                }
            }
        }
        List<ScenarioPerson> owners = scenario.workflows().stream().map(w -> people.get(w.ownerEmail())).toList();
        return scenario.memberships().stream().filter(m -> m.workflowId().equals(workflowId) && m.inAt(last)
                        && m.leftWeek() == Membership.STAYS)
                .map(Membership::email).filter(e -> !excluded.contains(e)).map(people::get)
                .filter(p -> p.platform() == platform && !owners.contains(p)).skip(3).findFirst().orElseThrow();
    }

    /** What a page reads as: its words without the markup. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace(" )", ")").replace("( ", "(");
    }

    /** Answer buttons shown pressed: the options chosen in messages that still take answers. */
    private static int pressed(String page) {
        return page.split("aria-pressed=\"true\"", -1).length - 1;
    }

    private static long latestRound(String page) {
        Matcher m = ROUND.matcher(page);
        long latest = -1;
        while (m.find()) {
            latest = Math.max(latest, Long.parseLong(m.group(1)));
        }
        assertThat(latest).as("a pulse with answer buttons on the page").isPositive();
        return latest;
    }

    /** Lines in the person's confidential answers, from the admin API's export of their data. */
    private int answerLines(ScenarioPerson person) throws Exception {
        HttpResponse<String> export = browser.admin("/api/v1/people/" + person.email() + "/export");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        Matcher m = Pattern.compile("→").matcher(export.body());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
