package io.uptake.catalog.file;

import io.uptake.catalog.CycleTime;
import io.uptake.catalog.Outcome;
import io.uptake.catalog.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads what a workflow's owner answers for: the outcome and the cycle-time baseline. */
final class OutcomeReader {

    static final List<String> OUTCOME_KEYS = List.of("metric", "unit", "direction", "baseline", "target", "by",
            "declared");
    static final List<String> CYCLE_TIME_KEYS = List.of("task", "baseline-minutes");

    private OutcomeReader() {
    }

    static Optional<Outcome> outcome(Field field) {
        return field.mapping(OUTCOME_KEYS).flatMap(mapping -> {
            Optional<String> metric = mapping.require("metric").flatMap(Scalars::text);
            String unit = mapping.get("unit").flatMap(Field::text).orElse("");
            Optional<Outcome.Direction> direction = mapping.require("direction")
                    .flatMap(value -> Scalars.choice(value, Outcome.Direction.values()));
            Optional<BigDecimal> baseline = mapping.require("baseline").flatMap(Scalars::number);
            Optional<Field> targetField = mapping.require("target");
            Optional<BigDecimal> target = targetField.flatMap(Scalars::number);
            Optional<Quarter> by = mapping.require("by").flatMap(Scalars::quarter);
            Optional<Field> declaredField = mapping.get("declared");
            Optional<LocalDate> declared = declaredField.flatMap(Scalars::date);
            if (declaredField.isPresent() && declared.isEmpty()) {
                return Optional.empty();
            }
            if (metric.isEmpty() || direction.isEmpty() || baseline.isEmpty() || target.isEmpty() || by.isEmpty()) {
                return Optional.empty();
            }
            if (!movesTheRightWay(direction.get(), baseline.get(), target.get())) {
                boolean up = direction.get() == Outcome.Direction.UP;
                targetField.get().error("with direction " + Scalars.code(direction.get()) + " the target must be "
                        + (up ? "above" : "below") + " the baseline " + baseline.get().toPlainString()
                        + "; found " + target.get().toPlainString());
                return Optional.empty();
            }
            return Optional.of(new Outcome(metric.get(), unit, direction.get(), baseline.get(), target.get(),
                    by.get(), declared.orElse(null)));
        });
    }

    /**
     * The targeted task, with its typed baseline when the file gives {@code baseline-minutes}; without one the
     * baseline is sampled in chat by the pre-rollout pulse. A baseline given but not a positive number is an error.
     */
    static Optional<CycleTime> cycleTime(Field field) {
        return field.mapping(CYCLE_TIME_KEYS).flatMap(mapping -> {
            Optional<String> task = mapping.require("task").flatMap(Scalars::text);
            Optional<Field> minutesField = mapping.get("baseline-minutes");
            Optional<BigDecimal> minutes = minutesField.flatMap(value ->
                    Scalars.number(value).filter(number -> positive(value, number)));
            if (task.isEmpty() || minutesField.isPresent() && minutes.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CycleTime(task.get(), minutes.orElse(null)));
        });
    }

    // A target equal to the baseline could never show progress, so it is refused along with the wrong side.
    private static boolean movesTheRightWay(Outcome.Direction direction, BigDecimal baseline, BigDecimal target) {
        int comparison = target.compareTo(baseline);
        return direction == Outcome.Direction.UP ? comparison > 0 : comparison < 0;
    }

    private static boolean positive(Field field, BigDecimal minutes) {
        if (minutes.signum() > 0) {
            return true;
        }
        field.error(Field.quote(minutes.toPlainString()) + " is not allowed; the baseline must be more than 0 minutes");
        return false;
    }
}
