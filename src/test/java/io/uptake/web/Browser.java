package io.uptake.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver: what the browser tests see a page as.
 * Never downloads a driver (both binaries are given), never reaches outside loopback (background networking off).
 */
public final class Browser implements AutoCloseable {

    /** Phone and desktop widths the screenshots are taken at. */
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final String CHROMIUM = System.getProperty("uptake.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("uptake.test.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final ChromeDriver driver;
    /** The longest a page may take to load after a click on a loaded machine. */
    private static final Duration LOAD = Duration.ofSeconds(30);

    private final String base;
    private final Path profile;

    private Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("uptake-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A browser on the service at {@code base} (e.g. {@code http://127.0.0.1:PORT}). */
    public static Browser open(String base) {
        try {
            return new Browser(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Goes to a path of the service. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** The path (and query) the browser is at. */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** The text a person reads on the page (what is rendered, not the markup). */
    public String text() {
        // a page still loading after a click has no body yet, or replaces it while it is read: wait for the browser
        return new WebDriverWait(driver, LOAD).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Signs in through the sign-in form with the admin token. */
    public Browser signInAsAdmin(String token) {
        go("/sign-in");
        find("#password").sendKeys(token);
        return submit("form[action='/sign-in'] button[type=submit]");
    }

    /** Clicks a button that sends a form, and waits until the browser has left the page it was on. */
    public Browser submit(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, LOAD).until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    /** Saves the page at phone and desktop widths as {@code target/screenshots/NAME-phone.png} and {@code -desktop}. */
    public void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Map.Entry<String, Dimension> size : Map.of("phone", PHONE, "desktop", DESKTOP).entrySet()) {
                driver.manage().window().setSize(size.getValue());
                byte[] png = driver.getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"), png);
            }
            driver.manage().window().setSize(DESKTOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page and returns the violations of the given impacts
     * (e.g. serious, critical), each as "rule: help (n nodes: selectors)".
     */
    public List<String> accessibilityViolations(Set<String> impacts) {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'wcag22aa', 'best-practice']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<String> found = new ArrayList<>();
        for (Object o : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) o;
            if (impacts.contains(String.valueOf(v.get("impact")))) {
                found.add(v.get("id") + " [" + v.get("impact") + "]: " + v.get("help") + " " + v.get("nodes"));
            }
        }
        return found;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of a screenshot, for a test that looks at one itself. */
    public byte[] screenshot() {
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile does no harm
        }
    }
}
