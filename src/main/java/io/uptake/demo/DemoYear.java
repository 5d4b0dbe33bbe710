package io.uptake.demo;

import io.micronaut.context.annotation.Requires;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.DigestSubscriptionRow;
import io.uptake.catalog.ReloadCatalog;
import io.uptake.chat.web.WebDirectory;
import io.uptake.chat.web.WebInbound;
import io.uptake.checkin.CheckinResult;
import io.uptake.checkin.EscalateMissedCheckins;
import io.uptake.checkin.OpenCheckinCycles;
import io.uptake.checkin.SendCheckinReminders;
import io.uptake.digest.SendDigest;
import io.uptake.nudge.NudgeNeverUsers;
import io.uptake.platform.Platform;
import io.uptake.pulse.AddLateJoiners;
import io.uptake.pulse.AnswerResult;
import io.uptake.pulse.CloseRounds;
import io.uptake.pulse.OpenRound;
import io.uptake.pulse.OpenStakeholderRounds;
import io.uptake.pulse.SendReminders;
import io.uptake.scenario.Scenario;
import io.uptake.scenario.ScenarioEvent;
import io.uptake.scenario.ScenarioPerson;
import io.uptake.scenario.ScenarioPulse;
import io.uptake.scenario.WeekPlan;
import io.uptake.time.DemoClock;
import io.uptake.usage.PullUsage;
import io.uptake.usage.RecordUsageBatch;
import io.uptake.usage.UsageInput;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays weeks of a generated organisation through the service, moving the clock as it goes: the programmes file
 * written and reloaded, the directory synced, commands typed, rounds opened, buttons clicked, telemetry fed,
 * check-ins logged and every job run, each through the use case a platform request or a schedule would call.
 * What the service then holds (figures, messages, digests) is its own work, not a copy of the scenario's.
 */
@Singleton
@Requires(property = "uptake.demo", value = "true")
class DemoYear {

    /** The first line of the programmes file the demo writes; a file without it is never overwritten. */
    static final String HEADER = "# Written by Uptake's demo mode (UPTAKE_DEMO=true); rewritten as the demo's year "
            + "is played.\n";
    /**
     * Digests are posted for the year's last weeks only: each draws its chart, the slowest step of a week, and the
     * leaders' channels need a few weeks of them, not fifty.
     */
    static final int DIGEST_WEEKS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(DemoYear.class);
    private static final java.util.regex.Pattern QUESTIONS = java.util.regex.Pattern.compile(
            "(?m)^(\\s+questions: \\[[^\\]\\n]*)\\]");

    private final DemoClock clock;
    private final DemoSettings settings;
    private final CatalogLookup catalog;
    private final ReloadCatalog reload;
    private final WebDirectory directory;
    private final WebInbound inbound;
    private final OpenRound openRound;
    private final AddLateJoiners lateJoiners;
    private final SendReminders reminders;
    private final CloseRounds closeRounds;
    private final OpenCheckinCycles checkinCycles;
    private final SendCheckinReminders checkinReminders;
    private final EscalateMissedCheckins escalations;
    private final DemoOwners owners;
    private final NudgeNeverUsers nudges;
    private final SendDigest digests;
    private final RecordUsageBatch usage;
    private final PullUsage pulls;
    private final OpenStakeholderRounds stakeholderRounds;
    private final DemoOutcomeValues outcomeValues;

    DemoYear(DemoClock clock, DemoSettings settings, CatalogLookup catalog, ReloadCatalog reload,
             WebDirectory directory, WebInbound inbound, OpenRound openRound, AddLateJoiners lateJoiners,
             SendReminders reminders, CloseRounds closeRounds, OpenCheckinCycles checkinCycles,
             SendCheckinReminders checkinReminders, EscalateMissedCheckins escalations, DemoOwners owners,
             NudgeNeverUsers nudges, SendDigest digests, RecordUsageBatch usage, PullUsage pulls,
             OpenStakeholderRounds stakeholderRounds, DemoOutcomeValues outcomeValues) {
        this.clock = clock;
        this.settings = settings;
        this.catalog = catalog;
        this.reload = reload;
        this.directory = directory;
        this.inbound = inbound;
        this.openRound = openRound;
        this.lateJoiners = lateJoiners;
        this.reminders = reminders;
        this.closeRounds = closeRounds;
        this.checkinCycles = checkinCycles;
        this.checkinReminders = checkinReminders;
        this.escalations = escalations;
        this.owners = owners;
        this.nudges = nudges;
        this.digests = digests;
        this.usage = usage;
        this.pulls = pulls;
        this.stakeholderRounds = stakeholderRounds;
        this.outcomeValues = outcomeValues;
    }

    /** Plays the first {@code weeks} weeks of the scenario, then leaves the clock at the Monday after them. */
    void play(Scenario scenario, int weeks) {
        new Run(scenario).play(weeks);
    }

    /**
     * Opens a round of every pulse now, as an admin's "send now" does, so that whoever tries the demo finds a pulse
     * to answer whatever the day; the scheduler opens the next ones on their days.
     */
    void openRoundsNow(Scenario scenario, int weeks) {
        for (ScenarioPulse pulse : scenario.pulses()) {
            if (scenario.workflow(pulse.workflowId()).declaredIn(weeks - 1)) {
                LOG.info("Demo: pulse {} open now: {}", pulse.id(), openRound.now(pulse.id()));
            }
        }
        inbound.deliver();
    }

    /** Writes the programmes file as it stands in a week, refusing to overwrite a file the demo did not write. */
    static void writeProgrammes(Path file, String text) {
        try {
            checkProgrammes(file);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, HEADER + text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo's programmes file " + file, e);
        }
    }

    /**
     * The scenario's programmes file as the demo declares it: every pulse also asks for an optional comment, so that
     * whoever tries the demo can write one (the generated year answers only the other questions).
     */
    static String programmes(String scenarioText) {
        return QUESTIONS.matcher(scenarioText).replaceAll("$1, comment]");
    }

    /** Refuses a programmes file the demo did not write: it is never overwritten. */
    static void checkProgrammes(Path file) {
        try {
            if (Files.exists(file) && !Files.readString(file).startsWith(HEADER)) {
                throw new DemoRefused("Demo mode writes its programmes file to " + file + ", but that file exists and "
                        + "was not written by the demo. Unset UPTAKE_CATALOG (demo mode uses a file of its own) or "
                        + "move the file.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** One play of a scenario, with what it learns along the way (rounds opened, ballots). */
    private final class Run {

        private final Scenario scenario;
        private final DemoPeople people;
        private final Map<String, ScenarioPerson> byEmail;
        private final Map<String, Long> rounds = new HashMap<>();
        private final Set<ZoneId> zones = new HashSet<>();
        /** The tools the demo's pulled workflows read their use from, by source. */
        private final Map<String, DemoToolUsage> tools = new HashMap<>();
        private Map<String, Long> subscriptions = Map.of();

        Run(Scenario scenario) {
            this.scenario = scenario;
            this.people = new DemoPeople(scenario);
            this.byEmail = scenario.peopleByEmail();
            scenario.people().forEach(p -> zones.add(ZoneId.of(p.zone())));
            zones.add(ZoneOffset.UTC);
            scenario.workflows().forEach(w -> w.usageSource().ifPresent(source -> tools.computeIfAbsent(source,
                    s -> new DemoToolUsage(s, clock))));
        }

        private int weeks;

        void play(int weeks) {
            this.weeks = weeks;
            LocalDate first = scenario.firstMonday();
            at(first, LocalTime.of(0, 1));
            directory.replace(people.users(), people.audiencesAt(0));
            load(0);
            subscriptions = catalog.activeDigests().stream().collect(Collectors.toMap(
                    DigestSubscriptionRow::channel, DigestSubscriptionRow::id));
            long started = System.nanoTime();
            for (int w = 0; w < weeks; w++) {
                week(scenario.timeline().get(w));
                if (w % 13 == 12) {
                    LOG.info("Demo: {} of {} weeks played ({} s)", w + 1, weeks,
                            Duration.ofNanos(System.nanoTime() - started).toSeconds());
                }
            }
            at(first.plusWeeks(weeks), LocalTime.of(0, 30));
            pullTools();
            tick(true);
            // The leaders' digest of the last complete week, as its Monday morning would post it.
            digest("slack:C0LEADERS");
        }

        private void week(WeekPlan plan) {
            int w = plan.index();
            LocalDate monday = plan.monday();
            at(monday, LocalTime.of(0, 5));
            plan.events(ScenarioEvent.Reloaded.class).forEach(r -> load(r.version()));
            directory.replace(people.users(), people.audiencesAt(w));
            directory.sync();
            pullTools();
            plan.events().forEach(this::personalChoice);
            inbound.deliver();
            boolean digests = w >= weeks - DIGEST_WEEKS;
            if (w > 0) {
                at(monday, LocalTime.of(10, 0));
                owners.monday();
                if (digests) {
                    digest("slack:C0LEADERS");
                }
            }
            at(monday, LocalTime.of(20, 0));
            for (ScenarioPulse pulse : scenario.pulses()) {
                if (scenario.workflow(pulse.workflowId()).declaredIn(w) && pulse.runsIn(w)
                        && openRound.scheduled(pulse.id(), monday.with(pulse.day()))
                        instanceof OpenRound.Result.Opened opened) {
                    rounds.put(pulse.id() + "@" + w, opened.roundId());
                }
            }
            stakeholders(plan);
            Set<String> clicked = new HashSet<>();
            Set<LocalDate> days = new HashSet<>();
            for (Instant step : steps(plan)) {
                clock.travelTo(step);
                inbound.deliver();
                LocalDate day = LocalDate.ofInstant(step, ZoneOffset.UTC);
                for (ScenarioPulse pulse : scenario.pulses()) {
                    String key = pulse.id() + "@" + w;
                    if (rounds.containsKey(key) && !day.isBefore(monday.with(pulse.day()).plusDays(1))
                            && clicked.add(key)) {
                        clicks(plan, pulse, rounds.get(key));
                    }
                }
                if (step.equals(monday.plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC))) {
                    plan.events(ScenarioEvent.CheckedIn.class).forEach(this::checkin);
                }
                if (step.equals(monday.plusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC))) {
                    telemetry(plan);
                    plan.events(ScenarioEvent.Measured.class).forEach(outcomeValues::post);
                    nudges.run();
                }
                tick(days.add(day));
            }
            at(monday.plusDays(6), LocalTime.of(20, 30));
            owners.decide(scenario);
            tick(true);
            at(monday.plusDays(6), LocalTime.of(23, 30));
            if (digests) {
                digest("teams:19:leaders@thread.tacv2");
            }
        }

        /**
         * The quarter's stakeholder rounds, opened as the weekday job would on the quarter's first Monday evening,
         * and the sponsors' and stakeholders' answers to them.
         */
        private void stakeholders(WeekPlan plan) {
            Map<String, Long> opened = new HashMap<>();
            stakeholderRounds.run().forEach(o -> opened.put(o.programmeId(), o.roundId()));
            for (ScenarioEvent.StakeholderAnswered a : plan.events(ScenarioEvent.StakeholderAnswered.class)) {
                ScenarioPerson person = byEmail.get(a.email());
                Long round = opened.get(a.programmeId());
                if (round != null) {
                    DemoPeople.platform(person).ifPresent(p -> inbound.answer(p, person.chatId(), round,
                            a.question(), a.value(), null).join());
                }
            }
            inbound.deliver();
        }

        /** Each pulse's send time in every zone and a day later (reminders), the day after it, Wednesday, Saturday. */
        private List<Instant> steps(WeekPlan plan) {
            TreeSet<Instant> steps = new TreeSet<>();
            LocalDate monday = plan.monday();
            for (ScenarioPulse pulse : scenario.pulses()) {
                if (!rounds.containsKey(pulse.id() + "@" + plan.index())) {
                    continue;
                }
                LocalDate day = monday.with(pulse.day());
                for (ZoneId zone : pulse.zone().equals("recipient") ? zones : Set.of(ZoneId.of(pulse.zone()))) {
                    Instant due = day.atTime(pulse.at()).atZone(zone).toInstant();
                    steps.add(due.plusSeconds(60));
                    steps.add(due.plus(Duration.ofHours(24)).plusSeconds(60));
                }
                steps.add(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            steps.add(monday.plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC));
            steps.add(monday.plusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC));
            return List.copyOf(steps);
        }

        /**
         * The jobs a moment of the week calls for: pulse reminders and closing at every step (reminders fall due
         * zone by zone); late joiners and the check-in jobs, which count in days, on the day's first step.
         */
        private void tick(boolean firstOfDay) {
            if (firstOfDay) {
                lateJoiners.run();
                checkinCycles.run();
                checkinReminders.run();
                escalations.run();
            }
            reminders.run();
            closeRounds.run();
            inbound.deliver();
        }

        private void load(int version) {
            writeProgrammes(settings.programmesFile(), programmes(scenario.catalogues().get(version).text()));
            ReloadCatalog.Result result = reload.reload(true);
            if (!(result instanceof ReloadCatalog.Result.Loaded)) {
                throw new IllegalStateException("The demo's programmes file (version " + version + ") was not "
                        + "loaded: " + result);
            }
        }

        private void digest(String channel) {
            Long id = subscriptions.get(channel);
            if (id != null) {
                digests.send(id);
                inbound.deliver();
            }
        }

        /** Opt-outs, pauses and erasures, typed as commands by the people themselves. */
        private void personalChoice(ScenarioEvent e) {
            String text;
            String email;
            if (e instanceof ScenarioEvent.OptedOut o) {
                email = o.email();
                text = "optout";
            } else if (e instanceof ScenarioEvent.OptedIn o) {
                email = o.email();
                text = "optin";
            } else if (e instanceof ScenarioEvent.Paused p) {
                email = p.email();
                text = "pause " + p.days() + "d";
            } else if (e instanceof ScenarioEvent.Erased x) {
                email = x.email();
                text = "forget-me confirm";
            } else {
                return;
            }
            ScenarioPerson person = byEmail.get(email);
            DemoPeople.platform(person).ifPresent(p -> inbound.command(p, person.chatId(), text));
        }

        /**
         * The week's clicks on one pulse, in waves: everyone's first click at once (simultaneous clicks are recorded
         * in a batch), then everyone's second, and so on. A click after a person's first comes from their updated
         * message and carries its ballot, which an anonymous round needs to take a further answer.
         */
        private void clicks(WeekPlan plan, ScenarioPulse pulse, long roundId) {
            Map<String, List<ScenarioEvent.Answered>> byPerson = new java.util.LinkedHashMap<>();
            for (ScenarioEvent.Answered a : plan.events(ScenarioEvent.Answered.class)) {
                if (a.pulseId().equals(pulse.id())) {
                    byPerson.computeIfAbsent(a.email(), k -> new ArrayList<>()).add(a);
                }
            }
            Map<String, String> ballots = new HashMap<>();
            for (int wave = 0; ; wave++) {
                Map<String, CompletableFuture<AnswerResult>> sent = new HashMap<>();
                for (Map.Entry<String, List<ScenarioEvent.Answered>> clicks : byPerson.entrySet()) {
                    if (clicks.getValue().size() <= wave) {
                        continue;
                    }
                    ScenarioEvent.Answered a = clicks.getValue().get(wave);
                    ScenarioPerson person = byEmail.get(a.email());
                    DemoPeople.platform(person).ifPresent(p -> sent.put(a.email(), inbound.answer(p,
                            person.chatId(), roundId, a.question(), a.value(), ballots.get(a.email()))));
                }
                if (sent.isEmpty()) {
                    break;
                }
                sent.forEach((email, result) -> {
                    if (result.join() instanceof AnswerResult.Recorded recorded && recorded.card().ballot() != null) {
                        ballots.put(email, recorded.card().ballot());
                    }
                });
            }
            inbound.deliver();
        }

        private void checkin(ScenarioEvent.CheckedIn c) {
            ScenarioPerson owner = byEmail.get(c.ownerEmail());
            Platform platform = DemoPeople.platform(owner).orElse(null);
            if (platform == null) {
                return;
            }
            WebInbound.CheckinFields fields = new WebInbound.CheckinFields(c.workflowId(), c.value().toPlainString(),
                    c.status(), Integer.toString(c.confidence()), null, null, null);
            CheckinResult result = inbound.checkin(platform, owner.chatId(), fields);
            if (result instanceof CheckinResult.ConfirmValue confirm) {
                inbound.checkin(platform, owner.chatId(), new WebInbound.CheckinFields(c.workflowId(),
                        fields.value(), fields.status(), fields.confidence(), null, null, confirm.value()));
            }
        }

        private void telemetry(WeekPlan plan) {
            List<UsageInput> rows = new ArrayList<>();
            for (ScenarioEvent.Used u : plan.events(ScenarioEvent.Used.class)) {
                Optional<String> source = scenario.workflow(u.workflowId()).usageSource();
                if (source.isPresent()) {
                    tools.get(source.get()).record(u);
                } else {
                    rows.add(new UsageInput(rows.size() + 1, u.workflowId(), u.email(), null, u.day().toString(),
                            Integer.toString(u.count())));
                }
            }
            if (!rows.isEmpty()) {
                usage.record("demo-" + scenario.seed() + "-w" + plan.index(), rows);
            }
            pullTools();
        }

        /** Pulls each tool now, as the service's schedule pulls a real one. */
        private void pullTools() {
            tools.values().forEach(pulls::pull);
        }

        /**
         * Moves the clock there, but never past the real time: the clock follows the real one once the year is
         * played, and a sending slot reserved ahead of it would make the dispatcher sleep until then (the year's
         * last step, Monday 00:30, is still to come in the first half hour of a week).
         */
        private void at(LocalDate day, LocalTime time) {
            Instant target = day.atTime(time).toInstant(ZoneOffset.UTC);
            Instant now = Instant.now();
            clock.travelTo(target.isAfter(now) ? now : target);
        }
    }
}
