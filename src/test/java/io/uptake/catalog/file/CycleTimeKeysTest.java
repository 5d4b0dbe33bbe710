package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.CycleTime;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A workflow's {@code cycle-time:} block: the task alone (its baseline then sampled in chat before go-live), or with
 * a typed {@code baseline-minutes}, which must be a number above 0.
 */
class CycleTimeKeysTest {

    private static final String FILE = "programmes.yml";
    private static final String TYPED = "cycle-time: { task: Triage one claim, baseline-minutes: 18 }";
    private static final String FIELD = "programmes[0].workflows[0].cycle-time.baseline-minutes";

    private final CatalogParser parser = new CatalogParser();

    private static CatalogText with(String block) {
        return CatalogText.example().replace(TYPED, block);
    }

    private CycleTime read(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        return ((CatalogParse.Valid) parse).catalog().workflows().get(0).cycleTime().orElseThrow();
    }

    private CatalogError onlyError(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Invalid.class);
        List<CatalogError> errors = ((CatalogParse.Invalid) parse).errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo(FILE);
        return errors.get(0);
    }

    @Test
    void aTaskAloneIsReadWithNoTypedBaseline() {
        assertThat(read(with("cycle-time: { task: Triage one claim }")))
                .isEqualTo(new CycleTime("Triage one claim", null));
    }

    @Test
    void aTypedBaselineIsReadAsBefore() {
        assertThat(read(with(TYPED))).isEqualTo(new CycleTime("Triage one claim", new BigDecimal("18")));
    }

    @Test
    void aNegativeBaselineNamesItsLineAndField() {
        CatalogText text = with("cycle-time: { task: Triage one claim, baseline-minutes: -5 }");

        CatalogError error = onlyError(text);

        assertThat(error.line()).isEqualTo(text.lineOf("cycle-time:"));
        assertThat(error.field()).isEqualTo(FIELD);
        assertThat(error.message()).isEqualTo("'-5' is not allowed; the baseline must be more than 0 minutes");
    }

    @Test
    void aBaselineThatIsNotANumberNamesItsLineAndField() {
        CatalogText text = with("cycle-time: { task: Triage one claim, baseline-minutes: ten }");

        CatalogError error = onlyError(text);

        assertThat(error.line()).isEqualTo(text.lineOf("cycle-time:"));
        assertThat(error.field()).isEqualTo(FIELD);
        assertThat(error.message()).startsWith("'ten' is not a number");
    }

    @Test
    void aBlockWithoutATaskIsRefused() {
        CatalogText text = with("cycle-time: { baseline-minutes: 18 }");

        CatalogError error = onlyError(text);

        assertThat(error.field()).isEqualTo("programmes[0].workflows[0].cycle-time.task");
        assertThat(error.message()).isEqualTo("missing required key 'task'");
    }
}
