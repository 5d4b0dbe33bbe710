package io.uptake.checkin;

import io.uptake.catalog.CheckinLookup.Accountable;
import io.uptake.catalog.CheckinLookup.Subject;
import io.uptake.catalog.OutcomeRow;
import io.uptake.message.CheckinForm;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** Builds the form an owner fills in for a workflow and period, showing the latest value logged. */
@Singleton
class CheckinForms {

    private final CheckinCycles cycles;

    CheckinForms(CheckinCycles cycles) {
        this.cycles = cycles;
    }

    CheckinForm form(Accountable accountable, String period) {
        return form(accountable.workflow().id(), accountable.workflow().name(), accountable.outcome(), period);
    }

    /** The form of a workflow's outcome, or of a programme's own (its id is the key {@code programme:<id>}). */
    CheckinForm form(Subject subject, String period) {
        return form(subject.key(), title(subject), subject.outcome(), period);
    }

    /** What a form and its replies call the subject: the workflow's name, or the programme's as a programme. */
    static String title(Subject subject) {
        return subject.isProgramme() ? subject.name() + " (programme outcome)" : subject.name();
    }

    private CheckinForm form(String key, String name, OutcomeRow outcome, String period) {
        String last = cycles.latestValue(key).map(CheckinForms::plain).orElse(null);
        return new CheckinForm(key, name, outcome.metric(), outcome.unit(), outcome.direction(),
                plain(outcome.baseline()), plain(outcome.target()), outcome.targetQuarter(), period, last);
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
