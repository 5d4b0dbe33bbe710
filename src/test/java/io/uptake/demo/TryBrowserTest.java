package io.uptake.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.web.Browser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone tries the demo in Chromium: the dashboard opens without signing in and says it is a demo, they pick a
 * workflow owner from the simulator's people, click an answer on the pulse in their chat and see that message
 * updated with their choice; the pages pass axe-core with no serious or critical finding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TryBrowserTest {

    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.open(SeededDemo.url("/"));
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aVisitorPicksAPersonClicksAnAnswerAndSeesTheMessageUpdate() {
        browser.go("/");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text()).contains("Demo.", "Viewing as Admin (admin)", "Claims AI");

        browser.go("/try");
        assertThat(browser.text()).contains("Try the chat", "Sponsors (4)");
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("try-people");
        String href = firstWithAnUnansweredPulse();
        browser.go("/try");
        WebElement group = browser.all("details").stream()
                .filter(d -> d.getText().startsWith("Employees: Claims triage")).findFirst().orElseThrow();
        group.findElement(By.tagName("summary")).click();
        WebElement person = group.findElements(By.cssSelector("a.person")).stream()
                .filter(a -> a.getAttribute("href").endsWith(href)).findFirst().orElseThrow();
        String name = person.getText();
        person.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(person));
        assertThat(browser.find("h1").getText()).contains(name);

        WebElement pulse = latestPulse();
        assertThat(pulse.findElements(By.cssSelector("button[aria-pressed='true']"))).isEmpty();
        WebElement option = pulse.findElements(By.cssSelector("form.option button")).get(3);
        String label = option.getText();
        option.click();

        // The form posts, the service records the answer and the page comes back with the message edited.
        // Nothing was pressed before the click, so a pressed button means the new page is there; while it loads,
        // elements of the old one are stale (Chromium may say so in other words).
        String chosen = new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(WebDriverException.class).until(d -> latestPulse()
                        .findElement(By.cssSelector("button[aria-pressed='true']")).getText());
        assertThat(chosen).isEqualTo("✓ " + label);
        assertThat(browser.accessibilityViolations(Set.of("serious", "critical"))).isEmpty();
        browser.screenshots("try-chat");
    }

    /** The page of someone in the claims-triage channel whose newest pulse is not answered yet. */
    private String firstWithAnUnansweredPulse() {
        browser.go("/try");
        List<String> pages = browser.all("details").stream()
                .filter(d -> d.getText().startsWith("Employees: Claims triage"))
                .flatMap(d -> d.findElements(By.cssSelector("a.person")).stream())
                .map(a -> a.getDomAttribute("href")).toList();
        for (String page : pages) {
            browser.go(page);
            List<WebElement> live = livePulses();
            if (!live.isEmpty() && live.get(live.size() - 1).findElements(By.cssSelector(
                    "button[aria-pressed='true']")).isEmpty()) {
                return page;
            }
        }
        throw new AssertionError("nobody in the claims-triage channel has an unanswered pulse");
    }

    private List<WebElement> livePulses() {
        return browser.all("li.message[data-kind^='pulse_'] div.pulse").stream()
                .filter(p -> !p.findElements(By.cssSelector("form.option")).isEmpty()).toList();
    }

    /** The newest pulse message that still takes answers. */
    private WebElement latestPulse() {
        List<WebElement> live = livePulses();
        if (live.isEmpty()) {
            throw new NoSuchElementException("no pulse on the page takes answers");
        }
        return live.get(live.size() - 1);
    }
}
