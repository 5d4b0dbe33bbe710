package io.uptake.demo;

import io.micronaut.context.annotation.Requires;
import io.uptake.chat.web.WebInbound;
import io.uptake.nudge.AlertOwners;
import io.uptake.nudge.WarnEarly;
import io.uptake.scenario.Scenario;
import io.uptake.scenario.ScenarioPerson;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the demo's workflow owners are told and decide: each Monday the alerts on last week's figures and the day-60
 * early warnings of pilots; at the week's end each warned owner answers in chat with the decision the scenario gives
 * them ({@code decide <workflow> scale|fix|stop}), as an owner pressing a button on the warning would.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
class DemoOwners {

    private final AlertOwners alerts;
    private final WarnEarly warnings;
    private final WebInbound inbound;
    private final List<String> warned = new ArrayList<>();

    DemoOwners(AlertOwners alerts, WarnEarly warnings, WebInbound inbound) {
        this.alerts = alerts;
        this.warnings = warnings;
        this.inbound = inbound;
    }

    void monday() {
        alerts.lastWeek();
        warned.addAll(warnings.warn());
    }

    void decide(Scenario scenario) {
        Map<String, ScenarioPerson> people = scenario.peopleByEmail();
        for (String workflowId : warned) {
            ScenarioPerson owner = people.get(scenario.workflow(workflowId).ownerEmail());
            DemoPeople.platform(owner).ifPresent(p -> inbound.command(p, owner.chatId(),
                    "decide " + workflowId + " " + scenario.decisionOn(workflowId)));
        }
        warned.clear();
    }
}
