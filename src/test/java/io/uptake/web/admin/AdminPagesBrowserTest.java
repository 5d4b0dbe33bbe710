package io.uptake.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.uptake.catalog.CatalogLookup;
import io.uptake.catalog.DigestSubscriptionRow;
import io.uptake.catalog.ReloadCatalog;
import io.uptake.chat.slack.FakeSlackApi;
import io.uptake.chat.slack.SignedSlackRequests;
import io.uptake.chat.slack.SyncSlackAudiences;
import io.uptake.delivery.Dispatcher;
import io.uptake.delivery.NewMessage;
import io.uptake.delivery.Outbox;
import io.uptake.delivery.OutboxRepository;
import io.uptake.delivery.OutboxRow;
import io.uptake.digest.PreviewDigest;
import io.uptake.message.DigestMessage;
import io.uptake.message.MyData;
import io.uptake.people.ExportMyData;
import io.uptake.people.PersonRepository;
import io.uptake.platform.Platform;
import io.uptake.pulse.OpenRound;
import io.uptake.time.MutableClock;
import io.uptake.web.Browser;
import io.uptake.web.Sessions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin runs Uptake from the dashboard in Chromium: the people page counts and finds the people the programmes
 * file and the Slack directory brought in, exports one and erases another (the next sync does not bring them back);
 * the pulses page shows a round, previews and posts the digest through the outbox and sends a test; the outbox page
 * retries a dead and a failed message; the programmes file page dry-runs a file that retires a workflow without
 * storing anything, refuses a broken one, and applies one once confirmed. A person who is not an admin gets none of
 * these pages. Every page passes axe-core with no serious or critical finding.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesBrowserTest implements TestPropertyProvider {

    static final String TOKEN = "admin-pages-browser-test-token";
    static final String TEAM = "T0ADMIN";
    static final String PULSE = "drafting-weekly";
    static final Set<String> SERIOUS = Set.of("serious", "critical");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = """
            programmes:
              - id: legal-ai
                name: Legal drafting assistant
                sponsor: gc@example.com
                workflows:
                  - id: drafting
                    name: Contract drafting
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com, cy@example.com, dee@example.com] }
                  - id: review
                    name: Contract review
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com] }
            pulses:
              - id: drafting-weekly
                workflow: drafting
                schedule: { every: TUESDAY, at: "10:00", zone: UTC }
                questions: [usage, trust]
            digests:
              - channel: slack:C0LEADERS
                programmes: [legal-ai]
                schedule: { every: MONDAY, at: "09:00", zone: UTC }
            """;
    /** The same file without the review workflow. */
    static final String WITHOUT_REVIEW = FILE.replace("""
                  - id: review
                    name: Contract review
                    owner: lee@example.com
                    audience: { emails: [ana@example.com, bo@example.com] }
            """, "");

    final FakeSlackApi slackApi = FakeSlackApi.start();
    final Path programmes = file(FILE);

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MutableClock clock;
    @Inject
    SyncSlackAudiences syncAudiences;
    @Inject
    ReloadCatalog reloadCatalog;
    @Inject
    OpenRound openRound;
    @Inject
    Dispatcher dispatcher;
    @Inject
    PersonRepository people;
    @Inject
    ExportMyData exportMyData;
    @Inject
    PreviewDigest previewDigest;
    @Inject
    CatalogLookup catalog;
    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository outboxRows;
    @Inject
    ApplicationContext context;

    Browser browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(slackApi.singleWorkspace(TEAM, "xoxb-admin", Map.of()));
        properties.put("uptake.catalog", programmes.toString());
        properties.put("uptake.admin-token", TOKEN);
        return properties;
    }

    @BeforeAll
    void start() throws InterruptedException {
        sync();
        Map<?, ?> reply = http.toBlocking().retrieve(new SignedSlackRequests(clock).form(command("U2", "optout")),
                Map.class);
        assertThat(reply.get("text").toString()).containsIgnoringCase("opted out");
        browser = Browser.open(server.getURL().toString());
        browser.signInAsAdmin(TOKEN);
        assertThat(browser.path()).isEqualTo("/");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        slackApi.close();
    }

    @Test
    @Order(1)
    void thePeoplePageCountsEachStateAsSetUp() {
        browser.go("/people");

        // By hand: ana, bo and dee are in Slack's directory; cy (audience), gc (sponsor) and lee (owner) are not;
        // bo typed optout.
        assertThat(count("slack")).isEqualTo(3);
        assertThat(count("teams")).isZero();
        assertThat(count("no-chat")).isEqualTo(3);
        assertThat(count("opted-out")).isEqualTo(1);
        assertThat(count("paused")).isZero();
        assertThat(count("unreachable")).isZero();
        assertThat(count("erased")).isZero();
        assertThat(browser.text()).contains("6 people found", "ana@example.com", "gc@example.com");
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();
        browser.screenshots("admin-people");
    }

    @Test
    @Order(2)
    void thePeoplePageSearchesByEmailAndFiltersByState() {
        browser.go("/people");
        browser.find("#q").sendKeys("BO@");
        submit("form.search button");
        assertThat(rowsOfPeople()).containsExactly("bo@example.com");

        browser.go("/people?state=opted-out");
        assertThat(rowsOfPeople()).containsExactly("bo@example.com");
        browser.go("/people?state=no-chat");
        assertThat(rowsOfPeople()).containsExactlyInAnyOrder("cy@example.com", "gc@example.com", "lee@example.com");

        browser.go("/people?state=nonsense");
        assertThat(browser.text()).contains("There is no state called 'nonsense'", "Nothing was changed");
    }

    @Test
    @Order(3)
    void anExportDownloadsWhatThePersonalDataExportHolds() throws IOException {
        long bo = people.findByEmail("bo@example.com").orElseThrow().id();
        browser.go("/people?q=bo%40");
        String href = browser.find("a[href$='/export.json']").getAttribute("href");
        assertThat(href).endsWith("/people/" + bo + "/export.json");

        var response = http.toBlocking().exchange(HttpRequest.GET("/people/" + bo + "/export.json")
                .cookie(Cookie.of(Sessions.COOKIE, adminSession())), String.class);

        assertThat(response.getHeaders().get("Content-Disposition")).contains("attachment");
        JsonNode body = JSON.readTree(response.body());
        List<MyData.Section> expected = exportMyData.byEmail("bo@example.com").orElseThrow();
        assertThat(body.get("sections")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode section = body.get("sections").get(i);
            assertThat(section.get("title").asText()).isEqualTo(expected.get(i).title());
            assertThat(JSON.convertValue(section.get("lines"), List.class)).isEqualTo(expected.get(i).lines());
        }
        assertThat(response.body()).contains("Email: bo@example.com", "Opted out: since");
    }

    @Test
    @Order(4)
    void thePulsesPageShowsARoundWithItsResponseRateHiddenBelowTheThreshold() {
        var opened = (OpenRound.Result.Opened) openRound.now(PULSE);
        dispatcher.dispatchDue();
        // ana and dee are in Slack and asked; bo opted out; cy has no chat account.
        assertThat(opened.recipients()).isEqualTo(2);

        browser.go("/pulses");

        WebElement round = browser.find("section.pulse tbody tr");
        List<String> cells = round.findElements(org.openqa.selenium.By.cssSelector("td")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells.get(2)).as("delivered").isEqualTo("2");
        assertThat(cells.get(3)).as("answered, hidden with the rate").isEqualTo("—");
        assertThat(cells.get(4)).contains("fewer than the anonymity threshold");
        assertThat(browser.text()).contains("Digest to slack:C0LEADERS", "Not posted yet.");
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();
        browser.screenshots("admin-pulses");
    }

    @Test
    @Order(5)
    void thePreviewShowsTheDigestAsTheLeadersWouldReadIt() {
        browser.go("/pulses");
        submit("a[href='/pulses/digests/" + subscription() + "/preview']");

        String text = previewDigest.preview("legal-ai", Optional.empty()).orElseThrow().text();
        assertThat(browser.find("pre.digest-text").getText()).isEqualTo(text.strip());
        assertThat(browser.text()).contains("Legal drafting assistant", "nothing is posted or stored");
        assertThat(slackApi.calls("chat.postMessage")).noneMatch(c -> "C0LEADERS".equals(c.params().get("channel")));
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();
        browser.screenshots("admin-digest-preview");
    }

    @Test
    @Order(6)
    void postNowQueuesTheDigestInTheOutboxAndTheDispatcherPostsItToTheLeaders() {
        browser.go("/pulses");
        submit("form[action='/pulses/digests/" + subscription() + "/post'] button");

        assertThat(browser.text()).contains("Digest queued", "the outbox sends it now");
        assertThat(slackApi.calls("chat.postMessage")).as("queued, not sent by the page")
                .noneMatch(c -> "C0LEADERS".equals(c.params().get("channel")));
        dispatcher.dispatchDue();
        assertThat(slackApi.calls("chat.postMessage")).anyMatch(c -> "C0LEADERS".equals(c.params().get("channel"))
                && c.params().getOrDefault("text", "").contains("Legal drafting assistant")
                || "C0LEADERS".equals(c.params().get("channel")) && c.params().toString().contains("Legal drafting"));

        browser.go("/pulses");
        assertThat(browser.text()).doesNotContain("Not posted yet.");
        assertThat(browser.find("section.digest tbody tr").getText()).contains("sent");
        submit("form[action='/pulses/digests/" + subscription() + "/post'] button");
        assertThat(browser.text()).contains("was already posted");
    }

    @Test
    @Order(7)
    void aTestGoesToTheDirectMessagesOfTheLinkedPersonTheTokenAdminNames() {
        browser.go("/pulses");
        String form = "form[action='/pulses/digests/" + subscription() + "/test']";
        browser.find(form + " input[name=email]").sendKeys("dee@example.com");
        submit(form + " button");

        assertThat(browser.text()).contains("Test queued", "dee@example.com's direct messages on slack");
        dispatcher.dispatchDue();
        assertThat(slackApi.calls("chat.postMessage")).anyMatch(c -> "U4".equals(c.params().get("channel")));

        browser.go("/pulses");
        browser.find(form + " input[name=email]").sendKeys("cy@example.com");
        submit(form + " button");
        assertThat(browser.text()).contains("Nobody with that email is linked on Slack or Teams");
    }

    @Test
    @Order(8)
    void erasureFromThePageIsNotUndoneByTheNextDirectorySync() throws InterruptedException {
        long peopleBefore = people.count();
        browser.go("/people?q=ana%40");
        submit("a[href$='/erase']");
        assertThat(browser.text()).contains("You are about to erase ana@example.com");
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();
        browser.screenshots("admin-people-erase");

        browser.find("form[action$='/erase'] button").click();
        assertThat(browser.path()).as("the browser asks for the box first").endsWith("/erase");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].removeAttribute('required');",
                browser.find("input[name=confirm]"));
        String confirmation = browser.path();
        submit("form[action$='/erase'] button");
        assertThat(browser.text()).as("the server asks for it too").contains("Tick the box to confirm");
        assertThat(people.findByEmail("ana@example.com")).isPresent();
        browser.go(confirmation);
        browser.find("input[name=confirm]").click();
        submit("form[action$='/erase'] button");

        assertThat(browser.path()).isEqualTo("/people?erased=1");
        assertThat(browser.text()).contains("The person was erased").doesNotContain("ana@example.com");
        sync();
        reloadCatalog.reload();

        assertThat(people.findByEmail("ana@example.com")).isEmpty();
        assertThat(people.count()).as("nobody added back").isEqualTo(peopleBefore);
        browser.go("/people");
        assertThat(count("erased")).isEqualTo(1);
        assertThat(count("slack")).isEqualTo(2);
        assertThat(browser.text()).doesNotContain("ana@example.com");
        browser.go("/people?state=erased");
        assertThat(browser.text()).contains("1 erased people").doesNotContain("ana");
    }

    @Test
    @Order(9)
    void theOutboxPageRetriesADeadAndAFailedMessage() {
        long dead = stored("admin-test:dead", OutboxRow.DEAD, 5, "channel_not_found", clock.instant());
        long failed = stored("admin-test:failed", OutboxRow.PENDING, 2, "ratelimited",
                clock.instant().plus(Duration.ofHours(1)));

        browser.go("/outbox");
        assertThat(browser.find("table[data-list=dead]").getText()).contains(Long.toString(dead),
                "channel_not_found", "a channel on slack");
        assertThat(browser.find("table[data-list=failed]").getText()).contains(Long.toString(failed), "ratelimited");
        assertThat(browser.text()).doesNotContain("Week of the test");
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();
        browser.screenshots("admin-outbox");

        submit("form[action='/outbox/" + dead + "/retry'] button");
        assertThat(browser.path()).isEqualTo("/outbox?retried=" + dead);
        OutboxRow retried = outboxRows.findById(dead).orElseThrow();
        assertThat(retried.status()).isEqualTo(OutboxRow.PENDING);
        assertThat(retried.attempts()).isZero();

        submit("form[action='/outbox/" + failed + "/retry'] button");
        OutboxRow due = outboxRows.findById(failed).orElseThrow();
        assertThat(due.attempts()).isZero();
        assertThat(due.notBefore()).isBeforeOrEqualTo(clock.instant());
        assertThat(browser.all("table[data-list=dead]")).isEmpty();
    }

    @Test
    @Order(10)
    void someoneWhoIsNotAnAdminGetsNoAdminPage() {
        Sessions sessions = Sessions.of(context);
        String session = sessions.person("cy@example.com");
        long bo = people.findByEmail("bo@example.com").orElseThrow().id();
        for (String path : List.of("/people", "/people?state=slack", "/people/" + bo + "/export.json",
                "/people/" + bo + "/erase", "/outbox", "/programmes-file", "/pulses",
                "/pulses/digests/" + subscription() + "/preview")) {
            HttpClientResponseException refused = catchThrowableOfType(() -> http.toBlocking().exchange(
                    HttpRequest.GET(path).cookie(Cookie.of(Sessions.COOKIE, session)), String.class),
                    HttpClientResponseException.class);
            assertThat(refused).as(path).isNotNull();
            assertThat((Object) refused.getStatus()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            String body = refused.getResponse().getBody(String.class).orElse("");
            assertThat(body).as(path).contains("Page not found").doesNotContain("bo@example.com", "C0LEADERS",
                    "programmes:");
        }
        String formToken = sessions.formToken();
        for (String path : List.of("/people/" + bo + "/erase", "/outbox/1/retry", "/programmes-file/dry-run",
                "/programmes-file/reload", "/pulses/digests/" + subscription() + "/post")) {
            HttpClientResponseException refused = catchThrowableOfType(() -> {
                try (HttpClient once = HttpClient.create(server.getURL())) {
                    once.toBlocking().exchange(HttpRequest.POST(path, "csrfToken=" + formToken
                                    + "&confirm=yes&text=programmes%3A")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                            .cookies(Set.of(Cookie.of(Sessions.COOKIE, session),
                                    Cookie.of(Sessions.FORM_TOKEN_COOKIE, formToken))), String.class);
                }
            }, HttpClientResponseException.class);
            assertThat(refused).as(path).isNotNull();
            assertThat((Object) refused.getStatus()).as(path + ": " + refused.getResponse().getBody(String.class)
                    .orElse("")).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(people.findByEmail("bo@example.com")).as("not erased").isPresent();
    }

    @Test
    @Order(11)
    void aFormWithoutThisBrowsersFormTokenDoesNothingEvenForTheAdmin() {
        Sessions sessions = Sessions.of(context);
        long bo = people.findByEmail("bo@example.com").orElseThrow().id();
        String otherToken = sessions.formToken();
        for (String body : List.of("confirm=yes", "confirm=yes&csrfToken=" + otherToken)) {
            HttpClientResponseException refused = catchThrowableOfType(() -> {
                try (HttpClient once = HttpClient.create(server.getURL())) {
                    once.toBlocking().exchange(HttpRequest.POST("/people/" + bo + "/erase", body)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                            .cookies(Set.of(Cookie.of(Sessions.COOKIE, sessions.admin()),
                                    Cookie.of(Sessions.FORM_TOKEN_COOKIE, sessions.formToken()))), String.class);
                }
            }, HttpClientResponseException.class);
            assertThat(refused).as(body).isNotNull();
            assertThat((Object) refused.getStatus()).as(body).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(people.findByEmail("bo@example.com")).as("not erased").isPresent();
    }

    @Test
    @Order(12)
    void aDryRunOfAFileThatRetiresAWorkflowSaysSoAndStoresNothing() throws IOException {
        String loadedAt = catalogStatus().get("loadedAt").asText();
        long peopleBefore = people.count();
        browser.go("/programmes-file");
        assertThat(browser.text()).contains(programmes.toAbsolutePath().normalize().toString(), "Legal drafting");
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();
        browser.screenshots("admin-programmes-file");

        paste(WITHOUT_REVIEW.replace("cy@example.com, ", "cy@example.com, eve@example.com, "));
        submit("form[action='/programmes-file/dry-run'] button");

        assertThat(browser.text()).contains("Nothing has been stored",
                "workflow review retired: no longer in the file");
        assertThat(browser.all("form[action='/programmes-file/apply']")).hasSize(1);
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();
        browser.screenshots("admin-programmes-file-dry-run");
        assertThat(workflow("review").get("retired").asBoolean()).isFalse();
        assertThat(catalogStatus().get("loadedAt").asText()).isEqualTo(loadedAt);
        assertThat(people.findByEmail("eve@example.com")).as("the new audience member is not stored").isEmpty();
        assertThat(people.count()).isEqualTo(peopleBefore);
        assertThat(Files.readString(programmes)).isEqualTo(FILE);
    }

    @Test
    @Order(13)
    void aBrokenOrEmptyFileShowsItsProblemsAndCannotBeApplied() {
        browser.go("/programmes-file");
        paste("programmes:\n  - id: legal-ai\n    name: Legal drafting assistant\n");
        submit("form[action='/programmes-file/dry-run'] button");
        assertThat(browser.text()).contains("cannot be applied", "new-programmes.yaml", "sponsor");
        assertThat(browser.all("form[action='/programmes-file/apply']")).isEmpty();
        assertThat(browser.accessibilityViolations(SERIOUS)).isEmpty();

        browser.go("/programmes-file");
        paste("");
        submit("form[action='/programmes-file/dry-run'] button");
        assertThat(browser.text()).contains("The file is empty");
        assertThat(browser.all("form[action='/programmes-file/apply']")).isEmpty();
    }

    @Test
    @Order(14)
    void applyingAConfirmedFileStoresItAndLoadsIt() throws IOException {
        browser.go("/programmes-file");
        paste(WITHOUT_REVIEW);
        submit("form[action='/programmes-file/dry-run'] button");
        browser.find("input[name=confirm]").click();
        submit("form[action='/programmes-file/apply'] button");

        assertThat(browser.text()).contains("Programmes file applied", "workflow review retired");
        assertThat(workflow("review").get("retired").asBoolean()).isTrue();
        assertThat(Files.readString(programmes)).isEqualTo(WITHOUT_REVIEW);
    }

    /** Clicks what leads to another page and waits for that page, so nothing is read from the old one. */
    private void submit(String css) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.beforeSubmit = true;");
        browser.find(css).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.beforeSubmit !== true && document.readyState === 'complete';")));
    }

    private void paste(String text) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find("#text"), text);
    }

    private JsonNode catalogStatus() throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalog").bearerAuth(TOKEN)));
    }

    private JsonNode workflow(String id) {
        try {
            return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/workflows/" + id)
                    .bearerAuth(TOKEN)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long stored(String key, String status, int attempts, String error, Instant notBefore) {
        Instant now = clock.instant();
        outbox.enqueue(new NewMessage(key, Platform.SLACK, TEAM, "C0GONE", null,
                new DigestMessage("Week of the test", "2026-W47", 1, 1, List.of(), null, false), now, null, null,
                null));
        OutboxRow r = outboxRows.findByDedupeKey(key).orElseThrow();
        outboxRows.update(new OutboxRow(r.id(), r.dedupeKey(), r.platform(), r.tenantId(), r.recipient(),
                r.personId(), r.kind(), r.payload(), null, null, null, status, attempts, notBefore, null, null, null,
                null, error, r.createdAt(), null));
        return r.id();
    }

    private long subscription() {
        return catalog.activeDigests().stream().filter(d -> d.channel().equals("slack:C0LEADERS"))
                .map(DigestSubscriptionRow::id).findFirst().orElseThrow();
    }

    private long count(String state) {
        return Long.parseLong(browser.find("td[data-state='" + state + "']").getText());
    }

    private List<String> rowsOfPeople() {
        return browser.all("table.people tbody th").stream().map(WebElement::getText).toList();
    }

    private String adminSession() {
        return browser.driver().manage().getCookieNamed(Sessions.COOKIE).getValue();
    }

    /** A directory sync in which Slack lists Ana, Bo and Dee, as it does every time. */
    private void sync() throws InterruptedException {
        slackApi.answer("users.list", 200, """
                {"ok":true,"members":[
                 {"id":"U1","name":"ana","real_name":"Ana","tz":"Europe/London",
                  "profile":{"email":"ana@example.com"}},
                 {"id":"U2","name":"bo","real_name":"Bo","tz":"UTC","profile":{"email":"bo@example.com"}},
                 {"id":"U4","name":"dee","real_name":"Dee","tz":"UTC","profile":{"email":"dee@example.com"}}],
                 "response_metadata":{"next_cursor":""}}""", Map.of());
        syncAudiences.run();
    }

    private String command(String user, String text) {
        return "command=%2Fuptake&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&team_id=" + TEAM
                + "&user_id=" + user + "&user_name=x&channel_id=D1&response_url="
                + URLEncoder.encode(slackApi.url() + "response", StandardCharsets.UTF_8) + "&trigger_id=1.2";
    }

    private static Path file(String text) {
        try {
            Path path = Files.createTempFile("programmes", ".yml");
            path.toFile().deleteOnExit();
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
