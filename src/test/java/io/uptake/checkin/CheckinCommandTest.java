package io.uptake.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of a check-in as typed into a form. */
class CheckinCommandTest {

    private static CheckinCommand typed(String value, String status, String confidence, String evidence,
                                        String note) {
        return new CheckinCommand("claims-triage", 1L, value, status, confidence, evidence, note, null, null);
    }

    @Test
    void aCompleteCheckinIsValidAndNumbersWithThousandsSeparatorsAreRead() {
        CheckinCommand command = typed(" 1,234.5 ", "ON_TRACK", "10", "https://wiki.example.com/x", "  Better  ");

        assertThat(command.errors()).isEmpty();
        assertThat(command.valid().value()).isEqualByComparingTo(new BigDecimal("1234.5"));
        assertThat(command.valid().status()).isEqualTo("on_track");
        assertThat(command.valid().note()).isEqualTo("Better");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "12abc", "1e5", "100000000000000", "", "--3"})
    void aValueThatIsNotAStorableNumberIsRefused(String value) {
        assertThat(typed(value, "at_risk", "5", null, null).errors()).containsOnlyKeys(CheckinCommand.VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "11", "7.5", "seven"})
    void aConfidenceOutsideZeroToTenIsRefused(String confidence) {
        assertThat(typed("3", "at_risk", confidence, null, null).errors()).containsOnlyKeys(
                CheckinCommand.CONFIDENCE);
    }

    @Test
    void everyBadFieldGetsItsOwnError() {
        assertThat(typed(null, "sideways", null, "ftp://files/x", "n".repeat(2001)).errors()).containsOnlyKeys(
                CheckinCommand.VALUE, CheckinCommand.STATUS, CheckinCommand.CONFIDENCE, CheckinCommand.EVIDENCE,
                CheckinCommand.NOTE);
    }

    @Test
    void aNegativeValueWithFourDecimalsIsKept() {
        assertThat(typed("-0.1234", "off_track", "0", "", "").valid().value())
                .isEqualByComparingTo(new BigDecimal("-0.1234"));
    }
}
