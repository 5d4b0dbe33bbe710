package io.uptake.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.uptake.chat.teams.FakeBotConnector;
import io.uptake.pulse.OpenStakeholderRounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sponsors and stakeholders of the scenario: the service opens each quarter's stakeholder round when asked
 * (as its weekday job would), and they answer on the card they were sent, on Slack or Teams; the rounds close with
 * the pulses' rounds.
 */
final class StakeholderSide {

    private final ScenarioRun run;
    /** programme → the round open now. */
    private final Map<String, Long> rounds = new HashMap<>();
    private int teamsFrom;

    StakeholderSide(ScenarioRun run) {
        this.run = run;
    }

    /** Opens the quarter's rounds that are due; those already open this quarter stay as they are. */
    void open(int week) {
        teamsFrom = run.teams().posted().size();
        for (OpenStakeholderRounds.Opened opened : run.bean(OpenStakeholderRounds.class).run()) {
            rounds.put(opened.programmeId(), opened.roundId());
        }
        run.dispatch();
    }

    /** Each answer of the week's plan, clicked on the card its person got. */
    void answer(WeekPlan plan) throws Exception {
        Map<String, List<JsonNode>> teamsCards = new HashMap<>();
        List<FakeBotConnector.Call> posted = run.teams().posted();
        for (int i = teamsFrom; i < posted.size(); i++) {
            List<JsonNode> data = TeamsSide.answerData(posted.get(i).card());
            String user = run.teams().userOf(posted.get(i));
            if (user != null && !data.isEmpty() && data.stream().anyMatch(d -> d.path("question").asText()
                    .equals("confidence"))) {
                teamsCards.put(user, new ArrayList<>(data));
            }
        }
        for (ScenarioEvent.StakeholderAnswered a : plan.events(ScenarioEvent.StakeholderAnswered.class)) {
            ScenarioPerson person = run.people().get(a.email());
            Long round = rounds.get(a.programmeId());
            ScenarioEvent.Answered click = new ScenarioEvent.Answered("stakeholders:" + a.programmeId(), a.email(),
                    a.question(), a.value());
            boolean done = round != null && (person.platform() == Platform.SLACK
                    ? run.clickSlack(run.slackButtons(person.chatId(), round), person, click)
                    : run.clickTeams(teamsCards, person, click));
            if (!done) {
                run.findings.add(new Finding(run.scenario.seed(), plan.index(), "messages", a.programmeId(),
                        "stakeholder click", "a stakeholder card with a '" + a.question() + "' " + a.value()
                        + " answer for " + a.email(), "none"));
            }
        }
        run.dispatch();
    }
}
