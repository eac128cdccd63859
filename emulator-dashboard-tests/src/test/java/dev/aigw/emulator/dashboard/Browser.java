package dev.aigw.emulator.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven through its chromedriver, both from the system's packages
 * ({@code apt-get install chromium chromium-driver}); never a browser Selenium would download. Without them the
 * tests are skipped, except under {@code CI=true}, where a skipped dashboard test is a failure.
 */
final class Browser implements AutoCloseable {

    /** Selenium logs through java.util.logging; a passing test prints nothing, so its loggers are off (held here). */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium"),
            Logger.getLogger("org.openqa.selenium.devtools"), Logger.getLogger("org.openqa.selenium.remote"),
            Logger.getLogger("org.openqa.selenium.chromium"), Logger.getLogger("org.openqa.selenium.manager"));

    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private static final List<Path> CHROMEDRIVERS = List.of(Path.of("/usr/bin/chromedriver"),
            Path.of("/usr/lib/chromium/chromedriver"));
    private static final List<Path> CHROMIUMS = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium-browser"));

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a headless Chromium of 1280x800, or skips the test (fails it on CI) when none is installed. */
    static Browser start() {
        QUIET.forEach(logger -> logger.setLevel(Level.OFF));
        Path chromedriver = CHROMEDRIVERS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        Path chromium = CHROMIUMS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        String missing = "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium"
                + " chromium-driver)";
        if (chromedriver == null || chromium == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; on CI the dashboard tests must run");
            }
            Assumptions.abort(missing);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run", "--window-size=1280,800",
                "--log-level=3", "--silent");
        Browser browser = new Browser(new ChromeDriver(service, options));
        browser.viewport(DESKTOP);
        return browser;
    }

    /** Sizes the window so that the page itself (the viewport, without the browser's own bars) has this size. */
    void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        int width = size.getWidth() + size.getWidth() - ((Number) inner.get(0)).intValue();
        int height = size.getHeight() + size.getHeight() - ((Number) inner.get(1)).intValue();
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Writes a screenshot of the page as it is to {@code target/dashboard-screenshots/NAME.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + name, e);
        }
    }

    Duration patience() {
        return Duration.ofSeconds(15);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
