package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.Programme;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A programme's stakeholders and its optional accountable owner, as the programmes file gives them. */
class StakeholderKeysTest {

    private static final String FILE = "programmes.yml";
    private static final String SPONSOR = "sponsor: cfo@example.com";

    private final CatalogParser parser = new CatalogParser();

    private Programme valid(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        Catalog catalog = ((CatalogParse.Valid) parse).catalog();
        return catalog.programmes().get(0);
    }

    private List<CatalogError> errors(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Invalid.class);
        return ((CatalogParse.Invalid) parse).errors();
    }

    private static CatalogText with(String lines) {
        return CatalogText.example().insertAfter(SPONSOR, lines);
    }

    @Test
    void aProgrammeWithoutTheNewKeysHasNoStakeholdersAndNoOwnerOfItsOwn() {
        Programme programme = valid(CatalogText.example());

        assertThat(programme.stakeholderEmails()).isEmpty();
        assertThat(programme.ownerEmail()).isEmpty();
    }

    @Test
    void stakeholdersAndOwnerAreReadLowerCased() {
        Programme programme = valid(with("    owner: Head.Of.Claims@Example.com\n"
                + "    stakeholders: [coo@example.com, Finance.Lead@Example.com]\n"));

        assertThat(programme.ownerEmail()).contains("head.of.claims@example.com");
        assertThat(programme.stakeholderEmails()).containsExactly("coo@example.com", "finance.lead@example.com");
    }

    @Test
    void anEmptyListOfStakeholdersIsAllowed() {
        assertThat(valid(with("    stakeholders: []\n")).stakeholderEmails()).isEmpty();
    }

    @Test
    void aStakeholderThatIsNotAnEmailIsNamedWithItsFileLineAndField() {
        CatalogText text = with("    stakeholders:\n      - coo@example.com\n      - finance lead\n");

        assertThat(errors(text)).extracting(CatalogError::file, CatalogError::line, CatalogError::field,
                        CatalogError::message)
                .containsExactly(tuple(FILE, text.lineOf("- finance lead"), "programmes[0].stakeholders[1]",
                        "'finance lead' is not an email address; write it like name@example.com"));
    }

    @Test
    void aStakeholderListedTwiceIsRefused() {
        CatalogText text = with("    stakeholders:\n      - coo@example.com\n      - COO@example.com\n");

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(tuple(text.lineOf("- COO@example.com"), "programmes[0].stakeholders[1]",
                        "'coo@example.com' is already listed on line " + text.lineOf("- coo@example.com")
                                + "; list each stakeholder once"));
    }

    @Test
    void stakeholdersGivenAsOneValueAreRefused() {
        CatalogText text = with("    stakeholders: coo@example.com\n");

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(tuple(text.lineOf("stakeholders: coo"), "programmes[0].stakeholders",
                        "expected a list but found the single value 'coo@example.com'"));
    }

    @Test
    void anOwnerThatIsNotAnEmailIsRefused() {
        CatalogText text = with("    owner: the claims team\n");

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(tuple(text.lineOf("owner: the claims team"), "programmes[0].owner",
                        "'the claims team' is not an email address; write it like name@example.com"));
    }

    @Test
    void theProgrammeRecordKeepsItsFourArgumentForm() {
        Programme programme = new Programme("p", "P", "s@example.com", List.of());

        assertThat(programme.stakeholderEmails()).isEmpty();
        assertThat(programme.ownerEmail()).isEqualTo(Optional.empty());
    }
}
