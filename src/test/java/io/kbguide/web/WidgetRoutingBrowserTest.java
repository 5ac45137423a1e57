package io.kbguide.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widget on a service with several articles (the two fixtures), in headless Chromium: it asks what the problem
 * is, and the first message starts the one article it is about, offers the articles it may be about as buttons, or
 * says there is none; a question asked in the conversation is answered from the article, the step kept.
 */
@QuarkusTest
@TestProfile(FixtureArticleEveryChannelTest.OtherArticle.class)
class WidgetRoutingBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
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
        driver.get(base + "widget/page.css");
        ((JavascriptExecutor) driver).executeScript("window.localStorage.clear()");
        driver.get(base.toString());
        wait.until(d -> !d.findElements(By.cssSelector(".kbg-launcher")).isEmpty());
        driver.findElement(By.cssSelector(".kbg-launcher")).click();
        wait.until(d -> log().contains("What is the problem?"));
    }

    @Test
    void shouldOfferTheArticlesAMessageMayBeAboutAndStartTheOneChosen() {
        send("the print spooler crashed and IIS stopped writing its logs");
        wait.until(d -> log().contains("more than one article"));
        List<String> offered = driver.findElements(By.cssSelector(".kbg-controls .kbg-button")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("IIS stops writing logs when the log volume is full",
                "Print spooler crashes with old drivers"), offered);
        driver.findElements(By.cssSelector(".kbg-controls .kbg-button")).get(0).click();
        wait.until(d -> log().contains("How many GB are free on the log volume?"));
        assertEquals("Or type the number", driver.findElement(By.cssSelector(".kbg-text")).getAttribute("placeholder"));
        // a question in the conversation: answered from the article, the question still pending
        send("how many GB should be free?");
        wait.until(d -> log().contains("The article says, in"));
        assertTrue(log().contains("With 10 GB or more free, logging is not at risk."), log());
        List<WebElement> choices = driver.findElements(By.cssSelector(".kbg-controls .kbg-choice"));
        assertEquals("under 1 GB", choices.get(0).getText(), "the same question's buttons");
    }

    @Test
    void shouldStartTheOneArticleAMessageIsAboutOrSayThereIsNone() {
        send("my outlook password expired");
        wait.until(d -> log().contains("No article of the knowledge base is about this."));
        assertTrue(log().contains("the service desk, ext. 4711"), log());
        send("the print spooler keeps crashing");
        wait.until(d -> log().contains("Which driver version is installed?"));
    }

    private void send(String text) {
        WebElement box = driver.findElement(By.cssSelector(".kbg-text"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", box, text);
        wait.until(d -> d.findElement(By.cssSelector(".kbg-send")).isEnabled());
        driver.findElement(By.cssSelector(".kbg-send")).click();
    }

    private String log() {
        return driver.findElement(By.cssSelector(".kbg-log")).getText();
    }
}
