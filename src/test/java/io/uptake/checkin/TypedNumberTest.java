package io.uptake.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers read as the person's locale writes them. */
class TypedNumberTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = ';', value = {
            "47,5; de-DE; 47.5", "47,5; en-GB; 47.5", "47,5; ; 47.5", "47.5; de-DE; 47.5",
            "1,234; en-US; 1234", "1,234; de-DE; 1.234", "1.234; de-DE; 1234", "1.234; en-GB; 1.234",
            "1.234; ; 1.234", "0,125; ; 0.125", "1.234,5; en-GB; 1234.5", "1,234.5; de-DE; 1234.5",
            "1 234,5; fr-FR; 1234.5", "1'234.5; de-CH; 1234.5", "1,234,567; ; 1234567", "1.234.567; ; 1234567",
            "−3,5; de-DE; -3.5", ",5; ; 0.5", "12; ; 12"})
    void aNumberIsReadAsTheLocaleWritesIt(String typed, String locale, String expected) {
        assertThat(TypedNumber.read(typed, locale == null ? null : Locale.forLanguageTag(locale)))
                .isEqualTo(new TypedNumber.Read(new BigDecimal(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"47,500", "1,234", "-999,999"})
    void aCommaBeforeThreeDigitsIsAmbiguousWithoutALocale(String typed) {
        assertThat(TypedNumber.read(typed, null)).isInstanceOf(TypedNumber.Ambiguous.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "1,2,3", "12,34.5", "1.234.5,6,7", "1e5", "--3", "1,23,456"})
    void textThatNoLocaleReadsAsANumberIsRefused(String typed) {
        assertThat(TypedNumber.read(typed, Locale.GERMANY)).isInstanceOf(TypedNumber.NotANumber.class);
    }
}
