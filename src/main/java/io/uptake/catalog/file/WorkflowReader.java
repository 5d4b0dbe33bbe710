package io.uptake.catalog.file;

import io.uptake.catalog.Audience;
import io.uptake.catalog.CycleTime;
import io.uptake.catalog.Outcome;
import io.uptake.catalog.Stage;
import io.uptake.catalog.UsageSpec;
import io.uptake.catalog.Wave;
import io.uptake.catalog.Workflow;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads one workflow of a programme. */
final class WorkflowReader {

    static final List<String> KEYS = List.of("id", "name", "stage", "stage-since", "owner", "audience",
            "target-team-size", "play", "outcome", "cycle-time", "usage", "waves");

    static final List<String> WAVE_KEYS = List.of("audience", "go-live", "target-team-size");

    private static final String ONE_OWNER = "a workflow needs exactly one owner";

    private final IdRegistry workflows;
    private final UsageReader usageReader;

    WorkflowReader(IdRegistry workflows, UsageReader usageReader) {
        this.workflows = workflows;
        this.usageReader = usageReader;
    }

    Optional<Workflow> read(Field field, String programmeId) {
        return field.mapping(KEYS).flatMap(mapping -> {
            Optional<String> id = workflows.declare(mapping);
            Optional<String> name = mapping.get("name").flatMap(Scalars::text);
            Stage stage = mapping.get("stage").flatMap(value -> Scalars.choice(value, Stage.values()))
                    .orElse(Stage.PILOT);
            Optional<LocalDate> stageSince = mapping.get("stage-since").flatMap(Scalars::date);
            Optional<String> owner = owner(mapping);
            Optional<List<Wave>> waves = waves(mapping);
            Optional<Audience> audience = mapping.has("waves") ? waves.map(list -> list.get(0).audience())
                    : mapping.require("audience", "missing required key 'audience'; give one of "
                    + String.join(", ", AudienceReader.KINDS) + ", or a list of 'waves'")
                    .flatMap(AudienceReader::read);
            Optional<Integer> teamSize = mapping.get("target-team-size")
                    .flatMap(value -> Scalars.wholeNumber(value, 1, Integer.MAX_VALUE));
            Optional<URI> play = mapping.get("play").flatMap(Scalars::webLink);
            Optional<Outcome> outcome = mapping.get("outcome").flatMap(OutcomeReader::outcome);
            Optional<CycleTime> cycleTime = mapping.get("cycle-time").flatMap(OutcomeReader::cycleTime);
            Optional<UsageSpec> usage = mapping.get("usage").flatMap(usageReader::usage);
            if (id.isEmpty() || owner.isEmpty() || audience.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Workflow(id.get(), programmeId, name.orElse(id.get()), stage, stageSince,
                    owner.get(), audience.get(), teamSize.orElse(0), play, outcome, cycleTime, usage,
                    waves.orElse(List.of())));
        });
    }

    /**
     * The rollout waves, when the workflow gives {@code waves} instead of a single {@code audience}: each wave an
     * audience with an optional go-live date (the first may go without one: live with the workflow; every later
     * wave needs one, each after the one before) and target team size. Empty when absent or wrong.
     */
    private static Optional<List<Wave>> waves(Mapping mapping) {
        Optional<Field> given = mapping.get("waves");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        if (mapping.has("audience")) {
            mapping.errorAt("audience", "give either 'audience' (one audience) or 'waves' (a rollout in waves), "
                    + "not both; wave 1 of 'waves' is the first audience");
            ok = false;
        }
        if (mapping.has("target-team-size")) {
            mapping.errorAt("target-team-size", "with 'waves', give 'target-team-size' on each wave instead");
            ok = false;
        }
        Optional<List<Field>> items = given.get().list();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            given.get().error("list at least one wave, each with an 'audience'");
            return Optional.empty();
        }
        List<Wave> waves = new ArrayList<>();
        Optional<LocalDate> previous = Optional.empty();
        for (Field item : items.get()) {
            int number = waves.size() + 1;
            Optional<Mapping> fields = item.mapping(WAVE_KEYS);
            Optional<Wave> wave = fields.flatMap(m -> wave(m, number));
            waves.add(wave.orElse(null));
            if (wave.isEmpty()) {
                ok = false;
                continue;
            }
            Optional<LocalDate> goLive = wave.get().goLive();
            if (goLive.isEmpty() && number > 1) {
                fields.get().errorAt("go-live", "wave " + number + " needs a 'go-live' date (yyyy-MM-dd); only the "
                        + "first wave may go live with the workflow");
                ok = false;
            } else if (goLive.isPresent() && previous.isPresent() && !goLive.get().isAfter(previous.get())) {
                fields.get().errorAt("go-live", "wave " + number + " goes live on " + goLive.get()
                        + ", not after wave " + (number - 1) + " (" + previous.get()
                        + "); go-live dates must be strictly increasing");
                ok = false;
            }
            for (Wave earlier : waves.subList(0, number - 1)) {
                if (earlier != null && earlier.audience().equals(wave.get().audience())) {
                    fields.get().errorAt("audience", "wave " + number + " has the same audience as wave "
                            + earlier.number() + "; each wave is a different team");
                    ok = false;
                }
            }
            previous = goLive.isPresent() ? goLive : previous;
        }
        return ok ? Optional.of(List.copyOf(waves)) : Optional.empty();
    }

    private static Optional<Wave> wave(Mapping wave, int number) {
        Optional<Audience> audience = wave.require("audience", "wave " + number + " needs an 'audience': one of "
                + String.join(", ", AudienceReader.KINDS)).flatMap(AudienceReader::read);
        Optional<Field> goLiveField = wave.get("go-live");
        Optional<LocalDate> goLive = goLiveField.flatMap(Scalars::date);
        Optional<Integer> teamSize = wave.readOr("target-team-size",
                value -> Scalars.wholeNumber(value, 1, Integer.MAX_VALUE), 0);
        if (audience.isEmpty() || goLiveField.isPresent() && goLive.isEmpty() || teamSize.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Wave(number, audience.get(), goLive, teamSize.get()));
    }

    /**
     * One person must answer for the outcome, so two owners are refused whether written as a list or as one
     * string separated by commas or semicolons.
     */
    private static Optional<String> owner(Mapping mapping) {
        return mapping.require("owner", ONE_OWNER + "; none given")
                .flatMap(field -> field.oneOrList().flatMap(items -> oneOwner(field, items)));
    }

    private static Optional<String> oneOwner(Field field, List<Field> items) {
        List<String> names = new ArrayList<>();
        Field source = field;
        for (Field item : items) {
            Optional<String> text = item.text();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            List<String> parts = Arrays.stream(text.get().split("[,;]")).map(String::trim)
                    .filter(name -> !name.isEmpty()).toList();
            source = parts.isEmpty() ? source : item;
            names.addAll(parts);
        }
        if (names.size() != 1) {
            field.error(ONE_OWNER + "; found " + (names.isEmpty() ? "none" : names.size() + ": "
                    + String.join(", ", names)));
            return Optional.empty();
        }
        return Scalars.email(source, names.get(0));
    }
}
