package io.pollcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.TestSettings;
import io.pollcast.storage.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard and the overlay in a real headless Chromium, against the whole bot as {@code
 * ./pollcast} runs it (console chat, web server on a free port): links from {@code /poll
 * dashboard}, counts that change on the page without a reload, a host featuring a member's reason
 * from the page and seeing it quoted in the announcement after closing the polls from the page,
 * refused links.
 */
final class DashboardBrowserTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aHostWatchesVotesComeInAndClosesThePollsFromThePage(@TempDir Path dir) throws Exception {
    LateClock clock = new LateClock();
    try (ConsoleBot bot = new ConsoleBot(TestSettings.fileEnv(dir), clock)) {
      String dashboardLink = bot.link("host: /poll dashboard");
      int from = bot.printed().length();
      bot.type("anna: /poll dashboard");
      bot.awaitPrinted(
          "[pollcast → anna] Alleen moderators en hosts krijgen een dashboardlink.", from);
      bot.type("host: /poll start 68");
      String overlayLink = bot.link("mod: /poll overlay 68");

      ChromeDriver browser = Browser.open(412, 915); // a phone
      try {
        browser.get(dashboardLink);
        assertThat(browser.getCurrentUrl()).doesNotContain("t="); // the token left the address
        click(browser, By.linkText("Personalisatie, profiling en privacy"));
        awaitText(browser, "live-status", "Live: de stand ververst vanzelf.");
        assertThat(text(browser, "t1-o0-votes")).isEqualTo("0");
        browser.executeScript("window.notReloaded = true;");

        bot.type("anna: /vote 68.1 Eens");
        bot.type("bert: /vote 68.1 Oneens");
        bot.type("cees: /vote 68.1 Eens");

        awaitText(browser, "t1-o0-votes", "2");
        awaitText(browser, "t1-o1-votes", "1");
        assertThat(text(browser, "t1-o0-pct")).isEqualTo("67%");
        assertThat(text(browser, "t1-console-0")).isEqualTo("2");
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.getPageSource()).doesNotContain("anna", "bert", "cees");
        Browser.screenshot(browser, "dashboard");

        ChromeDriver overlay = Browser.open(1920, 1080);
        try {
          overlay.get(overlayLink + "&thesis=1");
          assertThat(overlay.findElements(By.cssSelector(".thesis"))).hasSize(1);
          assertThat(overlay.findElements(By.tagName("form"))).isEmpty();
          assertThat(
                  overlay.executeScript("return getComputedStyle(document.body).backgroundColor;"))
              .isEqualTo("rgba(0, 0, 0, 0)");
          awaitText(overlay, "t1-o0-votes", "2");
          bot.type("dirk: /vote 68.1 Oneens");
          awaitText(overlay, "t1-o1-votes", "2");
          Browser.screenshot(overlay, "overlay");
        } finally {
          overlay.quit();
        }

        int beforeWhy = bot.printed().length();
        bot.type("anna: /why 68.1 Personalisatie <b>werkt</b> gewoon");
        bot.awaitPrinted("Je reden bij stelling 68.1 is bewaard", beforeWhy);
        click(browser, By.id("t1-reasons"));
        awaitText(browser, "R1-state", "gewoon");
        click(browser, By.id("R1-featured"));
        awaitText(browser, "R1-state", "uitgelicht");
        assertThat(browser.findElements(By.cssSelector("#reasons b"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("anna");
        click(browser, By.linkText("Terug naar aflevering 68"));

        int beforeClose = bot.printed().length();
        click(browser, By.id("close"));
        String outcome = shown(browser, By.cssSelector(".message")).getText();
        assertThat(outcome).startsWith("Aflevering 68 is gesloten (3 poll(s))");
        bot.awaitPrinted("Uitslag aflevering 68", beforeClose);
        bot.awaitPrinted("\u201CPersonalisatie <b>werkt</b> gewoon\u201D", beforeClose);
        click(browser, By.linkText("Auditlog"));
        String audit = shown(browser, By.tagName("table")).getText();
        assertThat(audit).contains("host").contains("close").contains("start").contains("feature");
        assertThat(audit)
            .contains("dashboard link as host, valid until")
            .contains("overlay link (read-only) for moderator")
            .doesNotContain(dashboardLink.substring(dashboardLink.indexOf("t=") + 2));
      } finally {
        browser.quit();
      }

      String forged = dashboardLink.substring(0, dashboardLink.length() - 3) + "AAA";
      assertThat(get(forged).statusCode()).isEqualTo(401);
      assertThat(get(forged).body()).contains("/poll dashboard");
      clock.advance(Duration.ofHours(12).plusMinutes(1));
      HttpResponse<String> expired = get(dashboardLink);
      assertThat(expired.statusCode()).isEqualTo(401);
      assertThat(expired.body()).contains("Deze link werkt niet");
      assertThat(get(overlayLink).statusCode()).isEqualTo(401);
    }
    assertThat(Files.exists(Browser.SCREENSHOTS.resolve("dashboard.png"))).isTrue();
  }

  @Test
  void aDebatesRoundsShiftAndStanceChangeOnThePageWithoutAReload(@TempDir Path dir)
      throws Exception {
    try (ConsoleBot bot = new ConsoleBot(TestSettings.fileEnv(dir), Clock.systemUTC())) {
      String dashboardLink = bot.link("host: /poll dashboard");
      bot.type("host: /poll start 68 debate");
      String overlayLink = bot.link("mod: /poll overlay 68", "/overlay/68");
      ChromeDriver browser = Browser.open(412, 915);
      ChromeDriver overlay = Browser.open(1920, 1080);
      try {
        browser.get(dashboardLink);
        browser.get(dashboardLink.replaceFirst("/dashboard\\?.*", "/dashboard/episodes/68"));
        awaitText(browser, "live-status", "Live: de stand ververst vanzelf.");
        assertThat(text(browser, "t1-round")).isEqualTo("Ronde: voor het luisteren");
        browser.executeScript("window.notReloaded = true;");

        bot.type("anna: /vote 68.1 Eens");
        bot.type("bert: /vote 68.1 Oneens");
        bot.type("cees: /vote 68.1 Oneens");
        awaitText(browser, "t1-b1", "67% (2)");
        assertThat(text(browser, "t1-verdict")).isEqualTo("De ronde na is nog niet open.");

        bot.type("host: /poll after 68");
        awaitText(browser, "t1-round", "Ronde: na het luisteren");
        bot.type("anna: /vote 68.1 Eens");
        bot.type("bert: /vote 68.1 Eens");
        bot.type("cees: /vote 68.1 Oneens");
        bot.type("host: /poll stance 68.1 Oneens");

        awaitText(browser, "t1-a0", "67% (2)");
        awaitText(browser, "t1-s0", "+34");
        assertThat(text(browser, "t1-s1")).isEqualTo("-34");
        assertThat(text(browser, "t1-b0")).isEqualTo("33% (1)");
        assertThat(text(browser, "t1-o0-votes")).isEqualTo("2"); // the open round's bars
        assertThat(text(browser, "t1-verdict"))
            .isEqualTo(
                "Verschuiving bij de 3 leden die in beide rondes stemden: Eens +34, Oneens -34."
                    + " Eens overtuigde de meesten (+34 punten).");
        awaitText(browser, "t1-stance", "De hosts: host Oneens; de luisteraars: 67% Eens.");
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        Browser.screenshot(browser, "dashboard-debate");

        overlay.get(overlayLink + "&thesis=1");
        awaitText(overlay, "t1-o0-votes", "2");
        assertThat(text(overlay, "t1-round")).isEqualTo("Ronde: na het luisteren");
        assertThat(overlay.findElement(By.id("t1-o0-change")).isDisplayed()).isFalse();
        bot.type("host: /poll close 68");
        Await.until(
            ConsoleBot.PATIENCE,
            () -> Boolean.FALSE.equals(hiddenIfShown(overlay, "t1-o0-change")),
            overlay::getPageSource);
        assertThat(text(overlay, "t1-o0-change")).isEqualTo("voor 33% · +34 punten");
        assertThat(overlay.findElement(By.id("t1-verdict")).isDisplayed()).isTrue();
        Browser.screenshot(overlay, "overlay-debate");
      } finally {
        overlay.quit();
        browser.quit();
      }
    }
  }

  /** The system's time, which a test can move forward; the bot's routines keep running on it. */
  private static final class LateClock extends Clock {
    private volatile Duration late = Duration.ZERO;

    void advance(Duration duration) {
      late = late.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(late);
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The element's text, read in one script: an element found first and read afterwards may belong
   * to a document the page has left by then. textContent, since Selenium's visible text is empty
   * for what the overlay's 1080 pixels clip.
   */
  private static String text(ChromeDriver browser, String id) {
    return (String)
        browser.executeScript(
            "var e = document.getElementById(arguments[0]); return e ? e.textContent : null;", id);
  }

  /** Waits for the element to read {@code expected}, also while the next page is still loading. */
  private static void awaitText(ChromeDriver browser, String id, String expected) {
    Await.until(
        ConsoleBot.PATIENCE,
        () -> expected.equals(textIfShown(browser, id)),
        () ->
            "#"
                + id
                + " to read \""
                + expected
                + "\", but it reads \""
                + textIfShown(browser, id)
                + "\"");
  }

  /** The first element {@code by} finds, once the page shows one. */
  private static WebElement shown(ChromeDriver browser, By by) {
    Await.until(
        ConsoleBot.PATIENCE,
        () -> !browser.findElements(by).isEmpty(),
        () -> "the page to show " + by + ": " + browser.getCurrentUrl());
    return browser.findElement(by);
  }

  private static String textIfShown(ChromeDriver browser, String id) {
    try {
      return text(browser, id);
    } catch (WebDriverException betweenTwoDocuments) {
      return null;
    }
  }

  /** Whether the element has the hidden attribute; null while the page does not show it. */
  private static Boolean hiddenIfShown(ChromeDriver browser, String id) {
    try {
      return (Boolean)
          browser.executeScript(
              "var e = document.getElementById(arguments[0]); return e ? e.hidden : null;", id);
    } catch (WebDriverException betweenTwoDocuments) {
      return null;
    }
  }

  /** Clicks the element once the page shows it, also while the page is still being replaced. */
  private static void click(ChromeDriver browser, By by) {
    Await.until(
        ConsoleBot.PATIENCE,
        () -> {
          try {
            browser.findElement(by).click();
            return true;
          } catch (NoSuchElementException | StaleElementReferenceException notYet) {
            return false;
          }
        },
        () -> "the page to show " + by + ": " + browser.getCurrentUrl());
  }
}
