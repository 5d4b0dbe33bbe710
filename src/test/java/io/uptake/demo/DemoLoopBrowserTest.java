package io.uptake.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.web.Browser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo's whole loop in Chromium, as a visitor walks it: the workflow page's open round, an answer clicked in a
 * claims-triage employee's chat at /try, the same round's answered count one higher on the workflow page, the
 * digest posted now from the pulses page (or, when the demo's year already posted this week's, the page saying so),
 * and the digest of the last complete week read in the leaders' Slack channel of the simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLoopBrowserTest {

    private io.micronaut.runtime.server.EmbeddedServer demo;
    private Browser browser;

    /** A demo of its own: it answers pulses and posts digests, which the tests sharing {@link SeededDemo} count. */
    @BeforeAll
    void start() throws java.io.IOException {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        demo = DemoContexts.start(java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"),
                "demo-loop-"));
        browser = Browser.open("http://127.0.0.1:" + demo.getPort() + "/");
    }

    @AfterAll
    void stop() {
        browser.close();
        demo.close();
    }

    @Test
    void anAnswerInTheChatMovesTheLiveResponseAndTheDigestArrivesInTheLeadersChannel() {
        int before = answeredInOpenRound();

        browser.go(unansweredClaimsTriageChat());
        List<WebElement> pulses = livePulses();
        WebElement option = pulses.get(pulses.size() - 1).findElements(By.cssSelector("form.option button")).get(3);
        String label = option.getText();
        option.click();
        String chosen = new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(WebDriverException.class).ignoring(IndexOutOfBoundsException.class).until(d -> {
                    // the page reloads after the click: until it is back, it holds no pulse to read
                    List<WebElement> live = livePulses();
                    return live.get(live.size() - 1).findElement(By.cssSelector("button[aria-pressed='true']"))
                            .getText();
                });
        assertThat(chosen).isEqualTo("✓ " + label);

        assertThat(answeredInOpenRound()).isEqualTo(before + 1);

        browser.go("/pulses");
        WebElement post = browser.all("form button").stream()
                .filter(b -> b.getText().equals("Post now to slack:C0LEADERS")).findFirst().orElseThrow();
        post.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !browser.path().equals("/pulses")
                || browser.text().contains("posted"));
        assertThat(browser.text()).containsAnyOf("already posted", "Posted", "posted");

        browser.go("/try/channels/slack/C0LEADERS");
        String lastComplete = io.uptake.metrics.IsoWeek.format(io.uptake.metrics.IsoWeek.lastComplete(
                java.time.Clock.systemUTC()));
        assertThat(browser.text()).contains("Weekly adoption digest", lastComplete);
        browser.screenshots("try-leaders-channel");
    }

    /** The answered count of claims-weekly's open round on the claims-triage workflow page. */
    private int answeredInOpenRound() {
        browser.go("/workflows/claims-triage");
        WebElement row = browser.all("table.rounds tbody tr").stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals("claims-weekly")).findFirst()
                .orElseThrow(() -> new AssertionError("no open claims-weekly round on the workflow page"));
        return Integer.parseInt(row.findElements(By.tagName("td")).get(4).getText().strip());
    }

    /** The chat page of someone in the claims-triage channel whose newest pulse is not answered yet. */
    private String unansweredClaimsTriageChat() {
        browser.go("/try");
        List<String> pages = browser.all("details").stream()
                .filter(d -> d.getText().startsWith("Employees: Claims triage"))
                .flatMap(d -> d.findElements(By.cssSelector("a.person")).stream())
                .map(a -> a.getDomAttribute("href")).toList();
        for (String page : pages) {
            browser.go(page);
            List<WebElement> live = livePulses();
            if (!live.isEmpty() && live.get(live.size() - 1).getText().contains("Claims triage")
                    && live.get(live.size() - 1).findElements(By.cssSelector("button[aria-pressed='true']"))
                    .isEmpty()) {
                return page;
            }
        }
        throw new AssertionError("nobody in the claims-triage channel has an unanswered pulse");
    }

    private List<WebElement> livePulses() {
        return browser.all("li.message[data-kind^='pulse_'] div.pulse").stream()
                .filter(p -> !p.findElements(By.cssSelector("form.option")).isEmpty()).toList();
    }
}
