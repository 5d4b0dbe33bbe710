package io.uptake.checkin;

import io.uptake.catalog.CheckinPolicy.Cadence;
import io.uptake.catalog.Quarter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Names the check-in period an instant falls in: {@code 2026-Q4} quarterly, {@code 2026-11} monthly (UTC). */
final class Periods {

    private Periods() {
    }

    static String of(Instant at, Cadence cadence) {
        var date = at.atZone(ZoneOffset.UTC).toLocalDate();
        return cadence == Cadence.MONTHLY ? YearMonth.from(date).toString() : Quarter.of(date).toString();
    }
}
