package io.kbguide.web;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The support-portal widget in a real headless Chromium (Debian's chromium and chromium-driver; `.ci/run` installs
 * them): a whole conversation by clicks and by keyboard alone, typed and pasted answers, back and start over, a
 * reload in the middle, embedding from another origin (allowed and refused), an injection attempt, and an axe-core
 * audit. Screenshots go to target/screenshots.
 */
@QuarkusTest
@TestProfile(WidgetBrowserTest.Profile.class)
class WidgetBrowserTest {

    static final Path SHOTS = Path.of("target/screenshots");

    /** The widget may be embedded from the host page server's localhost origin, not from its 127.0.0.1 one. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HostPages.class));
        }
    }

    /** Serves a portal page on another origin that embeds the widget of the service under test. */
    public static class HostPages implements QuarkusTestResourceLifecycleManager {
        static HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/portal.html", exchange -> {
                String service = exchange.getRequestURI().getQuery().replaceFirst("^service=", "");
                byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Support portal"
                        + "</title></head><body><main><h1>Support portal</h1><p>Welcome.</p></main>"
                        + "<script src=\"" + service + "/widget/kb-guide.js\" data-article=\"heartbeat-registry-driver\""
                        + " defer></script></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            server.start();
            return Map.of("quarkus.http.cors.origins", "http://localhost:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @TestHTTPResource("/")
    URL base;

    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        driver = Chromium.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void freshPage() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        // forget any conversation, on a page of the same origin without the widget (so nothing stores it again)
        driver.get(base + "widget/page.css");
        js("window.localStorage.clear()");
        driver.get(base.toString());
    }

    // ------------------------------------------------------------------------------------------------- paths

    @Test
    void shouldReachADiagnosisByClicks() throws IOException {
        open();
        shot("question");
        answer("Windows Server 2003", "32-bit (x86)", "5.0.3", "Service Pack 1", "Present, data 0", "Not installed");
        WebElement card = waitFor(By.cssSelector(".kbg-card"));
        shot("diagnosis");
        String text = card.getText();
        // the answer first: the verdict, then the steps; the findings fold under "Why"
        assertTrue(text.startsWith("Exposed to the kernel memory leak: 2 steps\n"), text);
        assertTrue(text.contains("Delete the UseNewApi registry value"), text);
        assertFalse(text.contains("The driver uses the hookers"), "findings folded: " + text);
        card.findElement(By.cssSelector(".kbg-why > summary")).click();
        text = card.getText();
        assertTrue(text.contains("The driver uses the hookers"), text);
        assertFalse(text.matches("(?s).*\\b(hookers|exposed|not-stated|undetermined)\\b:.*"), "findings in words");
        List<WebElement> steps = card.findElements(By.cssSelector(".kbg-steps > li"));
        assertEquals(2, steps.size(), "numbered steps");
        assertFalse(card.findElements(By.cssSelector(".kbg-cmd .kbg-copy")).isEmpty(), "copy buttons");
        WebElement link = card.findElement(By.cssSelector(".kbg-cite a"));
        assertTrue(link.getAttribute("href").matches(".*/articles/heartbeat-registry-driver#[a-z0-9-]+"),
                link.getAttribute("href"));
        assertTrue(text.contains("inference beyond the article"), "inferences are marked");
        // the citation's target exists on the article page
        String anchor = URI.create(link.getAttribute("href")).getFragment();
        driver.get(link.getAttribute("href"));
        assertFalse(driver.findElements(By.id(anchor)).isEmpty(), "section " + anchor + " on the article page");
    }

    @Test
    void shouldReachADiagnosisByKeyboardAlone() throws IOException {
        WebElement launcher = waitFor(By.cssSelector(".kbg-launcher"));
        tabTo(launcher);
        active().sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".kbg-controls .kbg-button"));
        for (String label : List.of("Windows Server 2003", "64-bit (x64)", "5.1.1 to 6.2.x", "Service Pack 2",
                "Not present")) {
            if (!driver.findElements(By.cssSelector(".kbg-card")).isEmpty()) {
                break;
            }
            WebElement target = choice(label);
            tabTo(target);
            int before = messages();
            active().sendKeys(Keys.ENTER);
            awaitReply(before);
        }
        WebElement card = waitFor(By.cssSelector(".kbg-card"));
        assertFalse(card.findElement(By.cssSelector(".kbg-verdict")).getText().isBlank(), card.getText());
        shot("keyboard-diagnosis");
    }

    @Test
    void shouldReadTypedAndPastedAnswers() throws IOException {
        open();
        type("it's a 32-bit Windows Server 2003 box, Heartbeat 5.0.3");
        String log = logText();
        assertTrue(log.contains("I read from your message"), log);
        assertTrue(log.contains("the Heartbeat version: 5.0.3"), log);
        type("OS Version:                5.2.3790 Service Pack 1 Build 3790\nSystem Type:               X86-based PC");
        assertTrue(logText().contains("Service Pack 1"), logText());
        shot("typed");
    }

    @Test
    void shouldConfirmWhatWasReadAndCopyTheDiagnosisForATicket() throws IOException {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://localhost:" + base.getPort(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        open();
        type("x86 Windows Server 2003 SP1, Heartbeat 5.0.3, UseNewApi is 0, the leak patch is not installed");
        assertTrue(lastQuestion().equals("Please check what I read"), lastQuestion());
        shot("readback");
        click("Confirm");
        WebElement card = waitFor(By.cssSelector(".kbg-card"));
        WebElement copyAll = card.findElement(By.cssSelector(".kbg-copy-all"));
        copyAll.click();
        wait.until(d -> !copyAll.getText().startsWith("Copy diagnosis"));
        assertEquals("Copied as Markdown", copyAll.getText());
        Object clipboard = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, function (e) { done('unreadable: ' + e); });");
        assertTrue(String.valueOf(clipboard).contains("## Exposed to the kernel memory leak: 2 steps"),
                String.valueOf(clipboard));
        assertTrue(String.valueOf(clipboard).contains("Delete the UseNewApi registry value"));
    }

    @Test
    void shouldChangeAFactThatWasReadWrongly() {
        open();
        type("x86 Windows Server 2003 SP1, Heartbeat 5.0.3, UseNewApi is 0, the leak patch is not installed");
        assertEquals("Please check what I read", lastQuestion());
        WebElement change = wait.until(d -> d.findElements(By.cssSelector(".kbg-controls button")).stream()
                .filter(b -> b.getText().startsWith("Change")).findFirst().orElse(null));
        change.click();
        List<WebElement> choices = driver.findElements(By.cssSelector(".kbg-controls .kbg-choice"));
        assertFalse(choices.isEmpty(), "the values to change it to");
        assertTrue(driver.findElements(By.cssSelector(".kbg-controls button")).stream()
                .anyMatch(b -> b.getText().equals("Cancel")));
        int before = messages();
        WebElement chosen = choices.get(choices.size() - 1);
        String label = chosen.getText();
        chosen.click();
        awaitReply(before);
        List<WebElement> mine = driver.findElements(By.cssSelector(".kbg-log .kbg-user"));
        assertTrue(mine.get(mine.size() - 1).getText().endsWith(label), "the change is sent as an answer");
        assertTrue(logText().contains(label), logText());
    }

    @Test
    void shouldGoBackAndStartOver() {
        open();
        answer("Windows Server 2003", "32-bit (x86)");
        assertTrue(lastQuestion().startsWith("Which version of Neverfail Heartbeat"), lastQuestion());
        click("Back");
        assertTrue(lastQuestion().startsWith("Is Windows on this server 32-bit"), lastQuestion());
        choice("Start over").click();
        wait.until(d -> lastQuestion().startsWith("Which Windows version")
                && !d.findElement(By.cssSelector(".kbg-typing")).isDisplayed());
        assertEquals(1, driver.findElements(By.cssSelector(".kbg-q")).size(), "a fresh conversation");
    }

    @Test
    void shouldContinueAfterAReload() {
        open();
        answer("Windows Server 2003", "32-bit (x86)");
        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.cssSelector(".kbg-q")).isEmpty());
        assertTrue(lastQuestion().startsWith("Which version of Neverfail Heartbeat"), lastQuestion());
        // the history survives the reload too, each message once
        String log = logText();
        assertTrue(log.contains("Which Windows version runs on the server?"), log);
        assertTrue(log.contains("Windows Server 2003") && log.contains("32-bit (x86)"), log);
        assertEquals(1, log.split("Which version of Neverfail Heartbeat", -1).length - 1, log);
        answer("5.0.3");
        assertTrue(lastQuestion().startsWith("Which Windows service pack"), lastQuestion());
    }

    @Test
    void shouldShowTheVerdictAndTheFirstStepOnAPhoneScreen() throws IOException {
        driver.manage().window().setSize(new Dimension(360, 740));
        driver.get(base.toString());
        try {
            open();
            answer("Windows Server 2003", "32-bit (x86)", "5.0.3", "Service Pack 1", "Present, data 0",
                    "Not installed");
            WebElement card = waitFor(By.cssSelector(".kbg-card"));
            js("arguments[0].scrollIntoView({block: 'start'})", card);
            shot("phone-diagnosis");
            WebElement log = driver.findElement(By.cssSelector(".kbg-log"));
            WebElement firstStep = card.findElement(By.cssSelector(".kbg-steps > li strong"));
            Number logBottom = (Number) js("return arguments[0].getBoundingClientRect().bottom", log);
            Number stepBottom = (Number) js("return arguments[0].getBoundingClientRect().bottom", firstStep);
            assertTrue(stepBottom.doubleValue() <= logBottom.doubleValue(),
                    "the first step is on the first screen of the card: " + stepBottom + " <= " + logBottom);
            Number height = (Number) js("return arguments[0].getBoundingClientRect().height", card);
            System.out.printf("diagnosis card at 360 px: %.0f px tall%n", height.doubleValue());
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void shouldNeverCutALongPasteSilentlyAndReadTypedCommands() {
        open();
        WebElement box = driver.findElement(By.cssSelector(".kbg-text"));
        assertEquals("Type an answer, or paste what a command prints", box.getAttribute("placeholder"));
        // the quickest way is offered first: the read-only checker to run on the server
        List<WebElement> checker = driver.findElements(By.cssSelector(".kbg-collector a"));
        assertEquals(2, checker.size(), logText());
        assertTrue(checker.get(0).getAttribute("href").endsWith("/api/v1/articles/heartbeat-registry-driver/collector"),
                checker.get(0).getAttribute("href"));
        // an empty box says so
        int before = messages();
        driver.findElement(By.cssSelector(".kbg-send")).click();
        wait.until(d -> messages() > before);
        assertTrue(logText().contains("The box is empty"), logText());
        // a paste over the API's limit stays in the box, and the widget says how long it is
        String paste = "OS Version: 5.2.3790 Service Pack 2 Build 3790\n" + "x".repeat(12_500);
        js("arguments[0].value = arguments[1]", box, paste);
        int beforePaste = messages();
        driver.findElement(By.cssSelector(".kbg-send")).click();
        wait.until(d -> messages() > beforePaste);
        assertTrue(logText().contains("characters; at most 12000 can be read at once"), logText());
        assertEquals(paste.length(), ((String) js("return arguments[0].value", box)).length(), "nothing cut");
        js("arguments[0].value = ''", box);
        // the buttons' words typed work as the buttons
        answer("Windows Server 2003");
        assertTrue(lastQuestion().startsWith("Is Windows on this server 32-bit"), lastQuestion());
        type("back");
        assertTrue(lastQuestion().startsWith("Which Windows version"), lastQuestion());
        answer("Windows Server 2003", "32-bit (x86)");
        assertEquals("Or type the exact version", driver.findElement(By.cssSelector(".kbg-text"))
                .getAttribute("placeholder"), "the placeholder fits the version question");
        js("arguments[0].value = 'start over'", driver.findElement(By.cssSelector(".kbg-text")));
        driver.findElement(By.cssSelector(".kbg-send")).click();
        wait.until(d -> lastQuestion().startsWith("Which Windows version")
                && d.findElements(By.cssSelector(".kbg-q")).size() == 1);
        assertEquals(1, driver.findElements(By.cssSelector(".kbg-q")).size(), "a fresh conversation");
    }

    @Test
    void shouldShowWhatAPersonTypedAsTextNeverAsMarkup() throws IOException {
        open();
        String attack = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> <b>bold</b>";
        type(attack);
        assertTrue(logText().contains("<script>window.__pwned=1</script>"), "shown as text: " + logText());
        assertNull(js("return window.__pwned === undefined ? null : window.__pwned"));
        assertTrue(driver.findElements(By.cssSelector(".kbg-log img, .kbg-log script, .kbg-log b")).isEmpty());
        shot("injection");
    }

    // --------------------------------------------------------------------------------------------- embedding

    @Test
    void shouldWorkEmbeddedInAnAllowedPortal() throws IOException {
        driver.get(portal("localhost"));
        open();
        answer("Windows Server 2003");
        assertTrue(lastQuestion().startsWith("Is Windows on this server 32-bit"), lastQuestion());
        shot("embedded-allowed");
    }

    @Test
    void shouldBeRefusedEmbeddedInAPortalThatIsNotAllowed() throws IOException {
        driver.get(portal("127.0.0.1"));
        open();
        WebElement error = wait.until(d -> {
            WebElement e = d.findElement(By.cssSelector(".kbg-error"));
            return e.isDisplayed() ? e : null;
        });
        assertTrue(error.getText().contains("cannot be reached"), error.getText());
        assertTrue(driver.findElements(By.cssSelector(".kbg-q")).isEmpty(), "no question from a refused origin");
        assertFalse(error.findElements(By.tagName("button")).isEmpty(), "a retry button");
        shot("embedded-refused");
    }

    private String portal(String host) {
        String service = "http://localhost:" + base.getPort();
        return "http://" + host + ":" + HostPages.server.getAddress().getPort() + "/portal.html?service=" + service;
    }

    // ------------------------------------------------------------------------------------------ accessibility

    @Test
    void shouldPassAnAxeAuditWithThePanelOpenAndWithADiagnosis() throws IOException {
        open();
        assertNoSeriousViolations("panel open");
        answer("Windows Server 2003", "32-bit (x86)", "5.0.3", "Service Pack 1", "Present, data 0", "Not installed");
        waitFor(By.cssSelector(".kbg-card"));
        assertNoSeriousViolations("diagnosis shown");
        WebElement log = driver.findElement(By.cssSelector(".kbg-log"));
        assertEquals("log", log.getAttribute("role"));
        assertEquals("polite", log.getAttribute("aria-live"));
    }

    @Test
    void shouldFitA320PixelWideScreen() throws IOException {
        driver.manage().window().setSize(new Dimension(320, 640));
        driver.get(base.toString());
        open();
        Number left = (Number) js("return document.querySelector('.kbg-panel').getBoundingClientRect().left");
        Number right = (Number) js("return document.querySelector('.kbg-panel').getBoundingClientRect().right");
        Number visible = (Number) js("return document.documentElement.clientWidth");
        assertTrue(left.doubleValue() >= 0 && right.doubleValue() <= visible.doubleValue(),
                "the panel lies within the visible width: " + left + " to " + right + " of " + visible);
        Number logHeight = (Number) js("return document.querySelector('.kbg-log').getBoundingClientRect().height");
        assertTrue(logHeight.doubleValue() >= 120, "the conversation keeps room: " + logHeight);
        answer("Windows Server 2003");
        shot("narrow");
    }

    private void assertNoSeriousViolations(String when) throws IOException {
        Path axe = Path.of("target/axe/node_modules/axe-core/axe.min.js");
        if (!Files.exists(axe)) {
            fail("axe-core is installed from the npm registry by the build (target/axe); run ./mvnw verify");
        }
        js(Files.readString(axe));
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) {"
                + "      return n.target.join(' '); }).join(', '); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
        assertEquals(List.of(), result, "axe, " + when);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void open() {
        WebElement launcher = wait.until(d -> d.findElements(By.cssSelector(".kbg-launcher")).stream().findFirst()
                .orElse(null));
        if (!"true".equals(launcher.getAttribute("aria-expanded"))) {
            waitFor(By.cssSelector(".kbg-launcher")).click();
        }
        wait.until(d -> !d.findElements(By.cssSelector(".kbg-q")).isEmpty()
                || d.findElement(By.cssSelector(".kbg-error")).isDisplayed());
    }

    private void answer(String... labels) {
        for (String label : labels) {
            click(label);
        }
    }

    private void click(String label) {
        int before = messages();
        choice(label).click();
        awaitReply(before);
    }

    private WebElement choice(String label) {
        return wait.until(d -> d.findElements(By.cssSelector(".kbg-controls button")).stream()
                .filter(b -> b.getText().equals(label) && b.isEnabled()).findFirst().orElse(null));
    }

    private void type(String text) {
        int before = messages();
        WebElement box = driver.findElement(By.cssSelector(".kbg-text"));
        box.clear();
        js("arguments[0].value = arguments[1]", box, text);
        driver.findElement(By.cssSelector(".kbg-send")).click();
        awaitReply(before);
    }

    private void awaitReply(int before) {
        wait.until(d -> messages() > before + 1 && !d.findElement(By.cssSelector(".kbg-typing")).isDisplayed());
    }

    private int messages() {
        return driver.findElements(By.cssSelector(".kbg-log .kbg-msg")).size();
    }

    private String lastQuestion() {
        List<WebElement> questions = driver.findElements(By.cssSelector(".kbg-q"));
        return questions.isEmpty() ? "" : questions.get(questions.size() - 1).getText();
    }

    private String logText() {
        return driver.findElement(By.cssSelector(".kbg-log")).getText();
    }

    /** Presses Tab until the element has the focus (at most 60 times), as a keyboard user would. */
    private void tabTo(WebElement target) {
        for (int i = 0; i < 60; i++) {
            if (target.equals(active())) {
                String outline = (String) js("return getComputedStyle(arguments[0]).outlineStyle", target);
                assertFalse("none".equals(outline), "focus is visible on " + target.getText());
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        fail("could not reach '" + target.getText() + "' with the Tab key");
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private WebElement waitFor(By by) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void shot(String name) throws IOException {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
