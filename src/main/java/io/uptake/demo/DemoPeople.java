package io.uptake.demo;

import io.uptake.chat.web.DirectoryUser;
import io.uptake.chat.web.WebDirectory;
import io.uptake.platform.Platform;
import io.uptake.scenario.AudienceKind;
import io.uptake.scenario.Scenario;
import io.uptake.scenario.ScenarioPerson;
import io.uptake.scenario.ScenarioWorkflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The generated organisation as the simulated platforms' directory sees it: its users and who is in what. */
final class DemoPeople {

    private static final Pattern PROGRAMME = Pattern.compile("- id: ([\\w-]+)\\n\\s+name: ([^\\n]+)\\n\\s+sponsor: "
            + "(\\S+)");

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
        Matcher m = PROGRAMME.matcher(scenario.catalogues().get(0).text());
        while (m.find()) {
            roles.computeIfAbsent(m.group(3), k -> new ArrayList<>()).add("Sponsor of " + m.group(2));
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
     * The channels', user groups' and teams' members, keyed as {@link WebDirectory#key} wants them, from the
     * members of each workflow's audience by email.
     */
    Map<String, Set<String>> members(Map<String, Set<String>> emailsByWorkflow) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (ScenarioWorkflow w : scenario.workflows()) {
            if (w.kind() == AudienceKind.EMAILS) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (String email : emailsByWorkflow.getOrDefault(w.id(), Set.of())) {
                ids.add(byEmail.get(email).chatId());
            }
            members.put(WebDirectory.key(w.kind().key(), w.audienceRef()), ids);
        }
        return members;
    }

    /** Each channel, group and team audience's members by email at the start of a week. */
    Map<String, Set<String>> audiencesAt(int week) {
        Map<String, Set<String>> emails = new HashMap<>();
        scenario.memberships().stream()
                .filter(ms -> scenario.workflow(ms.workflowId()).kind() != AudienceKind.EMAILS && ms.inAt(week))
                .forEach(ms -> emails.computeIfAbsent(ms.workflowId(), k -> new LinkedHashSet<>()).add(ms.email()));
        return emails;
    }
}
