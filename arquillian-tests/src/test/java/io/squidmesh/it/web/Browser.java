package io.squidmesh.it.web;

import io.squidmesh.it.support.ApiClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven through its chromedriver, logged in as one user: the credentials go in
 * the first address, the browser keeps them for the API calls the pages make. Nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("squidmesh.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("squidmesh.it.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test, with a plain message, where Chromium is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "); skipping the dashboard browser test. "
                        + "Install it with: apt-get install -y chromium chromium-driver");
    }

    /** Opens the dashboard as this user. */
    static Browser loggedInAs(String user, String password) {
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Browser browser = new Browser(new ChromeDriver(service, options), profile);
        browser.driver.get(ApiClient.BASE.replace("://", "://" + user + ":" + password + "@") + "/");
        return browser;
    }

    /** Opens a page of the dashboard, e.g. {@code run.html?id=...}. */
    void open(String page) {
        driver.get(ApiClient.BASE + "/" + page);
    }

    /** Waits up to 30 s; elements the page redrew in the meantime are looked up again. */
    <T> T await(String what, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * The text of the first element matching {@code css}, or null; read in one step, because the run page
     * redraws itself every two seconds while the run is active.
     */
    String text(String css) {
        return (String) driver.executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    /** The text of every element matching {@code css}, in document order, read in one step. */
    @SuppressWarnings("unchecked") // executeScript answers a JavaScript array as a List
    List<String> texts(String css) {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);", css);
    }

    /** An attribute of every element matching {@code css}, in document order, read in one step. */
    @SuppressWarnings("unchecked") // executeScript answers a JavaScript array as a List
    List<String> attributes(String css, String attribute) {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]));", css, attribute);
    }

    /** Clicks the element, finding it again if the page redrew it just then. */
    void click(String css) {
        await("to click " + css, d -> {
            find(css).click();
            return true;
        });
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }


    void acceptConfirmation() {
        await("a confirmation dialog", d -> d.switchTo().alert()).accept();
    }

    /** Saves the page as target/screenshots/{name}.png and returns where. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("squidmesh-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
