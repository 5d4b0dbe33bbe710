package io.uptake.checkin;

import io.uptake.catalog.CheckinLookup.Accountable;
import io.uptake.catalog.OutcomeRow;
import io.uptake.message.CheckinForm;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** Builds the form an owner fills in for a workflow and period, showing the latest value logged. */
@Singleton
class CheckinForms {

    private final CheckinRepositories.Checkins checkins;

    CheckinForms(CheckinRepositories.Checkins checkins) {
        this.checkins = checkins;
    }

    CheckinForm form(Accountable accountable, String period) {
        OutcomeRow outcome = accountable.outcome();
        String last = checkins.findLatestOfWorkflow(accountable.workflow().id()).map(c -> plain(c.value()))
                .orElse(null);
        return new CheckinForm(accountable.workflow().id(), accountable.workflow().name(), outcome.metric(),
                outcome.unit(), outcome.direction(), plain(outcome.baseline()), plain(outcome.target()),
                outcome.targetQuarter(), period, last);
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
