package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.Outcome;
import io.uptake.catalog.Programme;
import io.uptake.catalog.Quarter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A programme's own {@code outcome}, read and checked as a workflow's is; errors name file, line and field. */
class ProgrammeOutcomeKeysTest {

    private static final String FILE = "programmes.yml";
    private static final String SPONSOR = "sponsor: cfo@example.com";

    private final CatalogParser parser = new CatalogParser();

    private static CatalogText with(String lines) {
        return CatalogText.example().insertAfter(SPONSOR, lines);
    }

    private Programme valid(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        return ((CatalogParse.Valid) parse).catalog().programmes().get(0);
    }

    private List<CatalogError> errors(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Invalid.class);
        return ((CatalogParse.Invalid) parse).errors();
    }

    @Test
    void aProgrammeWithoutOneHasNoOutcomeOfItsOwn() {
        assertThat(valid(CatalogText.example()).outcome()).isEmpty();
    }

    @Test
    void theOutcomeIsReadBesideTheOwner() {
        Programme p = valid(with("    owner: head@example.com\n"
                + "    outcome: { metric: Claims cost ratio, unit: '%', direction: down, baseline: 68, target: 61,"
                + " by: 2027-Q4 }\n"));

        assertThat(p.ownerEmail()).contains("head@example.com");
        assertThat(p.outcome()).contains(new Outcome("Claims cost ratio", "%", Outcome.Direction.DOWN,
                new BigDecimal("68"), new BigDecimal("61"), Quarter.parse("2027-Q4").orElseThrow()));
    }

    @Test
    void aTargetOnTheWrongSideIsNamedWithFileLineAndField() {
        CatalogText text = with("    outcome:\n      metric: Revenue per FTE\n      direction: up\n"
                + "      baseline: 120\n      target: 100\n      by: 2027-Q1\n");

        assertThat(errors(text)).extracting(CatalogError::file, CatalogError::line, CatalogError::field,
                        CatalogError::message)
                .containsExactly(tuple(FILE, text.lineOf("target: 100"), "programmes[0].outcome.target",
                        "with direction up the target must be above the baseline 120; found 100"));
    }

    @Test
    void aMissingKeyAndAnUnknownKeyAreNamed() {
        CatalogText text = with("    outcome:\n      metric: Revenue per FTE\n      direction: up\n"
                + "      baseline: 120\n      goal: 150\n      by: 2027-Q1\n");

        assertThat(errors(text)).extracting(CatalogError::file, CatalogError::field)
                .containsExactly(tuple(FILE, "programmes[0].outcome.target"),
                        tuple(FILE, "programmes[0].outcome.goal"));
        assertThat(errors(text)).extracting(CatalogError::line).containsExactly(
                text.lineOf("metric: Revenue per FTE") - 1,
                text.lineOf("goal: 150"));
    }
}
