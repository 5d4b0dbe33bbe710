package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.CsvProfile;
import io.uptake.catalog.ToolSeats;
import io.uptake.catalog.UsageSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where use is pulled from: a workflow's usage, the file's github-logins, csv-profiles and tools. */
class UsageKeysTest {

    private static final String FILE = "programmes.yml";
    private static final String PLAY = "play: https://wiki.example.com/plays/claims-triage";

    private final CatalogParser parser = new CatalogParser();

    private Catalog valid(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Valid.class);
        return ((CatalogParse.Valid) parse).catalog();
    }

    private List<CatalogError> errors(CatalogText text) {
        CatalogParse parse = parser.parse(FILE, text.text());
        assertThat(parse).isInstanceOf(CatalogParse.Invalid.class);
        return ((CatalogParse.Invalid) parse).errors();
    }

    private static CatalogText withUsage(String usage) {
        return CatalogText.example().insertAfter(PLAY, "        usage: " + usage + "\n");
    }

    @Test
    void aWorkflowWithoutUsageIsNotPulledFromAnyTool() {
        Catalog catalog = valid(CatalogText.example());

        assertThat(catalog.workflows().get(0).usage()).isEmpty();
        assertThat(catalog.githubLogins()).isEmpty();
        assertThat(catalog.csvProfiles()).isEmpty();
        assertThat(catalog.tools()).isEmpty();
    }

    @Test
    void everyKeyIsRead() {
        CatalogText text = withUsage("{ source: csv:chatgpt, features: [gpt-4o, canvas] }").append("""
                github-logins: { Ana@Example.com: ana-gh, bo@example.com: Bo-Dev }
                csv-profiles:
                  chatgpt: { person: email, day: date, day-format: MM/dd/yyyy, count: messages, feature: model }
                  gemini: { person: User, day: Day }
                tools:
                  github-copilot: { seats: 120, price-per-seat: 19, currency: USD }
                  csv:chatgpt: { seats: 50, price-per-seat: 600, currency: EUR, per: year }
                """);

        Catalog catalog = valid(text);

        assertThat(catalog.workflows().get(0).usage())
                .contains(new UsageSpec("csv:chatgpt", List.of("gpt-4o", "canvas")));
        assertThat(catalog.githubLogins()).isEqualTo(Map.of("ana@example.com", "ana-gh", "bo@example.com", "Bo-Dev"));
        assertThat(catalog.csvProfiles()).containsEntry("chatgpt", new CsvProfile("chatgpt", "email", "date",
                "MM/dd/yyyy", Optional.of("messages"), Optional.of("model")))
                .containsEntry("gemini", new CsvProfile("gemini", "User", "Day", "yyyy-MM-dd", Optional.empty(),
                        Optional.empty()));
        assertThat(catalog.tools().get("github-copilot")).isEqualTo(new ToolSeats("github-copilot", 120,
                new BigDecimal("19"), "USD", ToolSeats.Per.MONTH));
        assertThat(catalog.tools().get("csv:chatgpt").per()).isEqualTo(ToolSeats.Per.YEAR);
    }

    @Test
    void aWeekOfSeatsCostsAYearsPriceOver52Point1775Weeks() {
        ToolSeats monthly = new ToolSeats("github-copilot", 100, new BigDecimal("19"), "USD", ToolSeats.Per.MONTH);
        ToolSeats yearly = new ToolSeats("github-copilot", 100, new BigDecimal("228"), "USD", ToolSeats.Per.YEAR);

        // 100 seats × 19 × 12 = 22,800 a year; ÷ 52.1775 = 436.97 a week.
        assertThat(monthly.weeklyCost().doubleValue()).isCloseTo(436.97, org.assertj.core.data.Offset.offset(0.01));
        assertThat(yearly.weeklyCost()).isEqualByComparingTo(monthly.weeklyCost());
    }

    @Test
    void aSourceMustBeAConnectorOrADeclaredProfile() {
        CatalogText text = withUsage("{ source: copilot }");

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::field, CatalogError::message)
                .containsExactly(tuple(text.lineOf("usage: { source: copilot }"),
                        "programmes[0].workflows[0].usage.source", "'copilot' is not a usage source; give"
                                + " github-copilot, microsoft-365-copilot or csv:<profile>"));
    }

    @Test
    void aCsvSourceMustNameADeclaredProfile() {
        CatalogText text = withUsage("{ source: csv:gemini }")
                .append("csv-profiles: { chatgpt: { person: email, day: date } }\n");

        assertThat(errors(text)).extracting(CatalogError::field, CatalogError::message)
                .containsExactly(tuple("programmes[0].workflows[0].usage.source", "names the CSV profile 'gemini',"
                        + " which 'csv-profiles' does not declare; declared: chatgpt"));
    }

    @Test
    void featuresMustBeNamesAndTheSourceIsRequired() {
        CatalogText text = withUsage("{ features: [\"chat panel\"] }");

        assertThat(errors(text)).extracting(CatalogError::field).containsExactly(
                "programmes[0].workflows[0].usage.source", "programmes[0].workflows[0].usage.features[0]");
    }

    @Test
    void microsoft365FeaturesAreItsApps() {
        CatalogText text = withUsage("{ source: microsoft-365-copilot, features: [word, wrod] }");

        assertThat(errors(text)).extracting(CatalogError::field, CatalogError::message).containsExactly(
                tuple("programmes[0].workflows[0].usage.features", "Microsoft 365 Copilot reports no feature wrod;"
                        + " its features are teams, word, outlook, excel, powerpoint, onenote, loop, copilot-chat"));
        assertThat(valid(withUsage("{ source: microsoft-365-copilot, features: [word, copilot-chat] }"))
                .workflows().get(0).usage().orElseThrow().features()).containsExactly("word", "copilot-chat");
    }

    @Test
    void aLoginBelongsToOnePersonAndEmailsAreChecked() {
        CatalogText text = CatalogText.example().append("""
                github-logins:
                  ana@example.com: ana-gh
                  bo@example.com: ANA-GH
                  not-an-email: cy
                  dee@example.com: -bad-
                """);

        assertThat(errors(text)).extracting(CatalogError::line, CatalogError::message).containsExactly(
                tuple(text.lineOf("bo@example.com: ANA-GH"), "the GitHub login 'ANA-GH' is already given to"
                        + " ana@example.com; a login belongs to one person"),
                tuple(text.lineOf("not-an-email: cy"), "'not-an-email' is not an email address; write it like"
                        + " name@example.com"),
                tuple(text.lineOf("dee@example.com: -bad-"), "'-bad-' is not a GitHub login; a login is letters,"
                        + " digits and single hyphens"));
    }

    @Test
    void aProfileNeedsItsColumnsAndAReadableDayFormat() {
        CatalogText text = CatalogText.example().append("""
                csv-profiles:
                  chatgpt: { person: email, day-format: dd/MM }
                  Bad_Name: { person: email, day: date }
                """);

        assertThat(errors(text)).extracting(CatalogError::field, CatalogError::message).containsExactlyInAnyOrder(
                tuple("csv-profiles.chatgpt.day", "missing required key 'day': the column holding the day"),
                tuple("csv-profiles.chatgpt.day-format", "'dd/MM' has no year; write a pattern such as MM/dd/yyyy"),
                tuple("csv-profiles.Bad_Name", "'Bad_Name' is not a valid profile name; use 1 to 64 lower-case"
                        + " letters, digits and hyphens"));
    }

    @Test
    void toolsAreKeyedBySourceWithSeatsAndAPrice() {
        CatalogText text = CatalogText.example().append("""
                tools:
                  chatgpt: { seats: 10 }
                  github-copilot: { price-per-seat: -1, currency: usd }
                """);

        assertThat(errors(text)).extracting(CatalogError::field, CatalogError::message).containsExactlyInAnyOrder(
                tuple("tools.chatgpt", "'chatgpt' is not a usage source of this file; give github-copilot,"
                        + " microsoft-365-copilot or csv:<profile> with a profile 'csv-profiles' declares"),
                tuple("tools.github-copilot.seats", "missing required key 'seats': how many seats are paid for"),
                tuple("tools.github-copilot.price-per-seat", "a price must not be negative; found -1"),
                tuple("tools.github-copilot.currency", "'usd' is not a currency code; write three capital letters"
                        + " such as USD, EUR or GBP"));
    }
}
