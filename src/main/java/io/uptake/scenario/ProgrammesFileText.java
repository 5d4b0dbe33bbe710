package io.uptake.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the programmes file as it stands in a given week, in the documented format. */
final class ProgrammesFileText {

    private final List<ScenarioProgramme> programmes;
    private final List<ScenarioWorkflow> workflows;
    private final List<ScenarioPulse> pulses;
    private final List<ScenarioDigest> digests;
    private final List<Membership> memberships;
    private final LocalDate firstMonday;

    ProgrammesFileText(List<ScenarioProgramme> programmes, List<ScenarioWorkflow> workflows,
                       List<ScenarioPulse> pulses, List<ScenarioDigest> digests, List<Membership> memberships,
                       LocalDate firstMonday) {
        this.programmes = programmes;
        this.workflows = workflows;
        this.pulses = pulses;
        this.digests = digests;
        this.memberships = memberships;
        this.firstMonday = firstMonday;
    }

    String at(int week) {
        StringBuilder yaml = new StringBuilder("programmes:\n");
        for (ScenarioProgramme p : programmes) {
            yaml.append("  - id: ").append(p.id()).append("\n    name: ").append(p.name())
                    .append("\n    sponsor: ").append(p.sponsorEmail()).append('\n');
            p.ownerEmail().ifPresent(owner -> yaml.append("    owner: ").append(owner).append('\n'));
            p.outcome().ifPresent(o -> yaml.append("    outcome: { metric: ").append(o.metric())
                    .append(", unit: EUR, direction: down, baseline: ").append(o.baseline()).append(", target: ")
                    .append(o.target()).append(", by: ").append(o.by()).append(" }\n"));
            if (!p.stakeholders().isEmpty()) {
                yaml.append("    stakeholders: [").append(String.join(", ", p.stakeholders())).append("]\n");
            }
            yaml.append("    workflows:\n");
            for (ScenarioWorkflow w : workflows) {
                if (w.programmeId().equals(p.id()) && w.declaredIn(week)) {
                    workflow(yaml, w, week);
                }
            }
        }
        yaml.append("pulses:\n");
        for (ScenarioPulse pulse : pulses) {
            if (workflows.stream().anyMatch(w -> w.id().equals(pulse.workflowId()) && w.declaredIn(week))) {
                yaml.append("  - id: ").append(pulse.id()).append("\n    workflow: ").append(pulse.workflowId())
                        .append("\n    schedule: { every: ").append(pulse.day()).append(", at: \"")
                        .append(pulse.at()).append("\", zone: ").append(pulse.zone()).append(" }\n")
                        .append("    questions: [").append(String.join(", ", pulse.questions())).append("]\n")
                        .append("    mode: ").append(pulse.anonymous() ? "anonymous" : "confidential")
                        .append("\n    remind-after: 24h\n    reminders: 1\n    close-after: 72h\n");
            }
        }
        githubLogins(yaml, week);
        yaml.append("checkins: { cadence: quarterly, remind: [2d, 5d], escalate-after: 7d }\ndigests:\n");
        for (ScenarioDigest d : digests) {
            yaml.append("  - channel: \"").append(d.channel()).append("\"\n    programmes: [")
                    .append(String.join(", ", d.programmes())).append("]\n    schedule: { every: ").append(d.day())
                    .append(", at: \"").append(d.at()).append("\", zone: ").append(d.zone()).append(" }\n");
        }
        return yaml.toString();
    }

    /** The GitHub login of everyone in a pulled workflow's audience this week, by email. */
    private void githubLogins(StringBuilder yaml, int week) {
        List<String> emails = workflows.stream().filter(w -> w.usageSource().isPresent() && w.declaredIn(week))
                .flatMap(w -> memberships.stream().filter(m -> m.workflowId().equals(w.id()) && m.inAt(week)))
                .map(Membership::email).distinct().sorted().toList();
        if (!emails.isEmpty()) {
            yaml.append("github-logins:\n");
            emails.forEach(e -> yaml.append("  ").append(e).append(": ").append(ScenarioPerson.githubLogin(e))
                    .append('\n'));
        }
    }

    private void workflow(StringBuilder yaml, ScenarioWorkflow w, int week) {
        boolean production = w.productionWeek().isPresent() && week >= w.productionWeek().getAsInt();
        // A workflow the file declares later went into pilot that week: its first quarter falls in the year.
        LocalDate since = production ? firstMonday.plusWeeks(w.productionWeek().getAsInt())
                : w.addedWeek() > 0 ? firstMonday.plusWeeks(w.addedWeek())
                : firstMonday.minusWeeks(9 + w.id().length());
        yaml.append("      - id: ").append(w.id()).append("\n        name: ").append(w.name())
                .append("\n        stage: ").append(production ? "production" : "pilot")
                .append("\n        stage-since: ").append(since)
                .append("\n        owner: ").append(w.ownerEmail()).append('\n');
        if (w.waved()) {
            yaml.append("        waves:\n");
            for (ScenarioWave wave : w.waves()) {
                yaml.append("          - audience: ");
                audience(yaml, w, wave.kind(), wave.audienceRef(), wave.number(), week);
                yaml.append("            go-live: ").append(firstMonday.plusWeeks(wave.goLiveWeek()))
                        .append("\n            target-team-size: ").append(wave.targetTeamSize()).append('\n');
            }
        } else {
            yaml.append("        audience: ");
            audience(yaml, w, w.kind(), w.audienceRef(), 0, week);
        }
        w.targetTeamSize().ifPresent(n -> yaml.append("        target-team-size: ").append(n).append('\n'));
        w.usageSource().ifPresent(source -> yaml.append("        usage: { source: ").append(source).append(" }\n"));
        yaml.append("        play: https://wiki.scenario.example/plays/").append(w.id()).append('\n');
        w.outcome().ifPresent(o -> yaml.append("        outcome: { metric: ").append(o.metric())
                .append(", direction: up, baseline: ").append(o.baseline()).append(", target: ").append(o.target())
                .append(", by: ").append(o.by()).append(" }\n"));
        w.cycleTimeBaseline().ifPresent(m -> yaml.append("        cycle-time: { task: ").append(w.name().toLowerCase())
                .append(", baseline-minutes: ").append(m).append(" }\n"));
    }

    private void audience(StringBuilder yaml, ScenarioWorkflow w, AudienceKind kind, String ref, int wave, int week) {
        yaml.append("{ ");
        if (kind == AudienceKind.EMAILS) {
            yaml.append("emails: [").append(memberships.stream()
                    .filter(m -> m.workflowId().equals(w.id()) && m.wave() == wave && m.inAt(week))
                    .map(Membership::email).collect(Collectors.joining(", "))).append("]");
        } else {
            yaml.append(kind.key()).append(": \"").append(ref).append('"');
        }
        yaml.append(" }\n");
    }
}
