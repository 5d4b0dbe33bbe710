package io.uptake.catalog.file;

import io.uptake.catalog.Pulse;
import io.uptake.catalog.Question;
import io.uptake.catalog.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one pulse: which workflow it asks about, when, what, and how it reminds and closes. */
final class PulseReader {

    static final List<String> KEYS = List.of("id", "workflow", "schedule", "questions", "mode", "remind-after",
            "reminders", "close-after");

    static final Duration DEFAULT_REMIND_AFTER = Duration.ofHours(24);
    static final int DEFAULT_REMINDERS = 1;
    static final Duration DEFAULT_CLOSE_AFTER = Duration.ofHours(72);

    // Short pulses keep response rates up; more than five questions is a survey, not a pulse.
    private static final int MOST_QUESTIONS = 5;
    private static final int MOST_REMINDERS = 2;

    private final IdRegistry pulses;
    private final IdRegistry workflows;

    PulseReader(IdRegistry pulses, IdRegistry workflows) {
        this.pulses = pulses;
        this.workflows = workflows;
    }

    Optional<Pulse> read(Field field) {
        return field.mapping(KEYS).flatMap(mapping -> {
            Optional<String> id = pulses.declare(mapping);
            Optional<String> workflow = mapping.require("workflow").flatMap(workflows::reference);
            Optional<Schedule> schedule = mapping.require("schedule").flatMap(ScheduleReader.forPeople()::read);
            Optional<List<Question>> questions = mapping.require("questions").flatMap(PulseReader::questions);
            Pulse.Mode mode = mapping.get("mode").flatMap(value -> Scalars.choice(value, Pulse.Mode.values()))
                    .orElse(Pulse.Mode.CONFIDENTIAL);
            Optional<Duration> remindAfter = mapping.readOr("remind-after", Scalars::duration, DEFAULT_REMIND_AFTER);
            Optional<Integer> reminders = mapping.readOr("reminders",
                    value -> Scalars.wholeNumber(value, 0, MOST_REMINDERS), DEFAULT_REMINDERS);
            Optional<Duration> closeAfter = mapping.readOr("close-after", Scalars::duration, DEFAULT_CLOSE_AFTER);
            if (remindAfter.isEmpty() || reminders.isEmpty() || closeAfter.isEmpty()) {
                return Optional.empty();
            }
            if (reminders.get() > 0 && closeAfter.get().compareTo(remindAfter.get()) <= 0) {
                mapping.errorAt("close-after", "close-after (" + Durations.format(closeAfter.get())
                        + ") must be longer than remind-after (" + Durations.format(remindAfter.get())
                        + ") so the reminder goes out before the round closes; or set reminders: 0");
                return Optional.empty();
            }
            if (id.isEmpty() || workflow.isEmpty() || schedule.isEmpty() || questions.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Pulse(id.get(), workflow.get(), schedule.get(), questions.get(), mode,
                    remindAfter.get(), reminders.get(), closeAfter.get()));
        });
    }

    private static Optional<List<Question>> questions(Field field) {
        return field.list().flatMap(items -> {
            if (items.isEmpty() || items.size() > MOST_QUESTIONS) {
                field.error("a pulse asks 1 to " + MOST_QUESTIONS + " questions; found " + items.size());
                return Optional.empty();
            }
            List<Question> questions = new ArrayList<>();
            boolean valid = true;
            for (Field item : items) {
                Optional<Question> question = Scalars.choice(item, Question.listable());
                if (question.isPresent() && questions.contains(question.get())) {
                    item.error(Field.quote(question.get().code()) + " is asked twice; ask each question once");
                    valid = false;
                }
                valid &= question.isPresent();
                question.filter(q -> !questions.contains(q)).ifPresent(questions::add);
            }
            return valid ? Optional.of(questions) : Optional.empty();
        });
    }
}
