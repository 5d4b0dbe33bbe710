package io.uptake.catalog.file;

import io.uptake.catalog.Outcome;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Workflow;
import java.util.List;
import java.util.Optional;

/** Reads one programme and its workflows. */
final class ProgrammeReader {

    static final List<String> KEYS = List.of("id", "name", "sponsor", "owner", "outcome", "stakeholders",
            "workflows");

    private final IdRegistry programmes;
    private final WorkflowReader workflows;

    ProgrammeReader(IdRegistry programmes, IdRegistry workflowIds, UsageReader usage) {
        this.programmes = programmes;
        this.workflows = new WorkflowReader(workflowIds, usage);
    }

    Optional<Programme> read(Field field) {
        return field.mapping(KEYS).flatMap(mapping -> {
            Optional<String> id = programmes.declare(mapping);
            Optional<String> name = mapping.get("name").flatMap(Scalars::text);
            Optional<String> sponsor = mapping.require("sponsor").flatMap(Scalars::email);
            Optional<Optional<String>> owner = mapping.readOr("owner", f -> Scalars.email(f).map(Optional::of),
                    Optional.empty());
            // The same keys and checks as a workflow's outcome; optional for now, but without one the programme
            // cannot be at leverage.
            Optional<Optional<Outcome>> outcome = mapping.readOr("outcome",
                    f -> OutcomeReader.outcome(f).map(Optional::of), Optional.empty());
            Optional<List<String>> stakeholders = mapping.readOr("stakeholders", ProgrammeReader::emails, List.of());
            // Workflows are read even without a usable programme id, so their own mistakes are reported too.
            List<Workflow> read = mapping.get("workflows").flatMap(Field::list).orElse(List.of()).stream()
                    .flatMap(workflow -> workflows.read(workflow, id.orElse("")).stream())
                    .toList();
            if (id.isEmpty() || sponsor.isEmpty() || owner.isEmpty() || outcome.isEmpty()
                    || stakeholders.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Programme(id.get(), name.orElse(id.get()), sponsor.get(), read,
                    stakeholders.get(), owner.get(), outcome.get()));
        });
    }

    /** The stakeholders' emails: a list, possibly empty, each person once. */
    private static Optional<List<String>> emails(Field field) {
        return field.list().flatMap(items -> Scalars.distinctEmails(items, "stakeholder"));
    }
}
