package io.uptake.demo;

import io.uptake.chat.web.DirectoryUser;
import io.uptake.chat.web.WebDirectory;
import io.uptake.platform.Platform;
import io.uptake.scenario.AudienceKind;
import io.uptake.scenario.Membership;
import io.uptake.scenario.Scenario;
import io.uptake.scenario.ScenarioPerson;
import io.uptake.scenario.ScenarioProgramme;
import io.uptake.scenario.ScenarioWorkflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The generated organisation as the simulated platforms' directory sees it: its users and who is in what. */
final class DemoPeople {


    private final Scenario scenario;
    private final Map<String, ScenarioPerson> byEmail;

    DemoPeople(Scenario scenario) {
        this.scenario = scenario;
        this.byEmail = scenario.peopleByEmail();
    }

    /** The platform a generated person is on, if any (people known only by email are on none). */
    static Optional<Platform> platform(ScenarioPerson person) {
        return switch (person.platform()) {
            case SLACK -> Optional.of(Platform.SLACK);
            case TEAMS -> Optional.of(Platform.TEAMS);
            case NONE -> Optional.empty();
        };
    }

    /** Everyone on a chat platform, each with the part they play. */
    List<DirectoryUser> users() {
        Map<String, List<String>> roles = new HashMap<>();
        for (ScenarioProgramme p : scenario.programmes()) {
            roles.computeIfAbsent(p.sponsorEmail(), k -> new ArrayList<>()).add("Sponsor of " + p.name());
        }
        for (ScenarioWorkflow w : scenario.workflows()) {
            roles.computeIfAbsent(w.ownerEmail(), k -> new ArrayList<>()).add("Owner of " + w.name());
        }
        Map<String, Set<String>> teams = new HashMap<>();
        scenario.memberships().forEach(ms -> teams.computeIfAbsent(ms.email(), k -> new LinkedHashSet<>())
                .add(scenario.workflow(ms.workflowId()).name()));
        List<DirectoryUser> users = new ArrayList<>();
        for (ScenarioPerson p : scenario.people()) {
            Optional<Platform> platform = platform(p);
            if (platform.isEmpty()) {
                continue;
            }
            List<String> role = new ArrayList<>(roles.getOrDefault(p.email(), List.of()));
            if (role.isEmpty()) {
                Set<String> in = teams.getOrDefault(p.email(), Set.of());
                role.add(in.isEmpty() ? "Employee" : "Employee in " + String.join(", ", in));
            }
            // Teams rosters carry no time zone; Slack profiles do.
            users.add(new DirectoryUser(platform.get(), p.chatId(), p.email(), p.name(),
                    platform.get() == Platform.SLACK ? p.zone() : null, p.locale(), String.join("; ", role)));
        }
        return users;
    }

    /**
     * The channels', user groups' and teams' members at the start of a week, keyed as {@link WebDirectory#key}
     * wants them: every workflow's single audience and every wave's audience that is not an emails list, whether
     * or not the wave is live yet (a channel has its members before the tool reaches them).
     */
    Map<String, Set<String>> audiencesAt(int week) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (ScenarioWorkflow w : scenario.workflows()) {
            if (w.waved()) {
                w.waves().stream().filter(wave -> wave.kind() != AudienceKind.EMAILS).forEach(wave -> members
                        .put(WebDirectory.key(wave.kind().key(), wave.audienceRef()), new LinkedHashSet<>()));
            } else if (w.kind() != AudienceKind.EMAILS) {
                members.put(WebDirectory.key(w.kind().key(), w.audienceRef()), new LinkedHashSet<>());
            }
        }
        for (Membership ms : scenario.memberships()) {
            ScenarioWorkflow w = scenario.workflow(ms.workflowId());
            if (w.kindOf(ms) != AudienceKind.EMAILS && ms.inAt(week)) {
                members.get(WebDirectory.key(w.kindOf(ms).key(), w.refOf(ms))).add(byEmail.get(ms.email()).chatId());
            }
        }
        return members;
    }
}
