package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.Outcome;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outcome's {@code declared:} key: an optional day, refused with the file, line and field when it is not one. */
class OutcomeDeclaredKeyTest {

    private static final String FILE = "programmes.yml";
    private static final String WORKFLOW = "programmes[0].workflows[0]";

    private final CatalogParser parser = new CatalogParser();

    private static CatalogText declared(String value) {
        return CatalogText.example().replace("by: 2027-Q1 }", "by: 2027-Q1, declared: " + value + " }");
    }

    private Outcome outcome(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        return ((CatalogParse.Valid) parse).catalog().workflows().get(0).outcome().orElseThrow();
    }

    @Test
    void aDeclaredDayIsRead() {
        assertThat(outcome(declared("2026-09-14")).declared()).isEqualTo(LocalDate.of(2026, 9, 14));
    }

    @Test
    void withoutTheKeyTheOutcomeHasNoDeclaredDay() {
        assertThat(outcome(CatalogText.example()).declared()).isNull();
    }

    @Test
    void aDeclaredValueThatIsNotADayIsRefusedNamingFileLineAndField() {
        for (String bad : List.of("last-week", "2026-02-30", "14/09/2026")) {
            CatalogText text = declared(bad);
            CatalogParse parse = parser.parse(FILE, text.text());
            assertThat(parse).as(bad).isInstanceOf(CatalogParse.Invalid.class);
            List<CatalogError> errors = ((CatalogParse.Invalid) parse).errors();
            assertThat(errors).as(bad).hasSize(1);
            CatalogError error = errors.get(0);
            assertThat(error.file()).isEqualTo(FILE);
            assertThat(error.line()).isEqualTo(text.lineOf("outcome:"));
            assertThat(error.field()).isEqualTo(WORKFLOW + ".outcome.declared");
            assertThat(error.message()).isEqualTo("'" + bad + "' is not a date; write it as yyyy-MM-dd, such as "
                    + "2026-09-01");
        }
    }

    @Test
    void aMisspeltKeyNamesDeclaredAmongTheAllowedOnes() {
        CatalogText text = CatalogText.example().replace("by: 2027-Q1 }", "by: 2027-Q1, declard: 2026-09-14 }");
        CatalogParse parse = parser.parse(FILE, text.text());
        List<CatalogError> errors = ((CatalogParse.Invalid) parse).errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(WORKFLOW + ".outcome.declard");
            assertThat(e.message()).endsWith("allowed: metric, unit, direction, baseline, target, by, declared");
        });
    }
}
