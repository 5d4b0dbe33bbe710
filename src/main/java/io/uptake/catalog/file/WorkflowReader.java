package io.uptake.catalog.file;

import io.uptake.catalog.Audience;
import io.uptake.catalog.CycleTime;
import io.uptake.catalog.Outcome;
import io.uptake.catalog.Stage;
import io.uptake.catalog.UsageSpec;
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
            "target-team-size", "play", "outcome", "cycle-time", "usage");

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
            Optional<Audience> audience = mapping.require("audience", "missing required key 'audience'; give one of "
                    + String.join(", ", AudienceReader.KINDS)).flatMap(AudienceReader::read);
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
                    owner.get(), audience.get(), teamSize.orElse(0), play, outcome, cycleTime, usage));
        });
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
