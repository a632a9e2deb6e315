package io.pollcast.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SlackTextTest {

  @Test
  void escapesWhatSlackParses() {
    assertThat(SlackText.escape("<!channel> & <@U123> <https://x|y>"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x|y&gt;");
  }

  @Test
  void shortTextIsLeftAlone() {
    assertThat(SlackText.mrkdwn("Eens & oneens", 13 + 4)).isEqualTo("Eens &amp; oneens");
    assertThat(SlackText.plain("Eens", 4)).isEqualTo("Eens");
  }

  @Test
  void longTextIsCutAtAWordBoundaryWithAnEllipsis() {
    String text = "Bedrijven die niet aan personalisatie doen missen de boot";

    assertThat(SlackText.plain(text, 30)).isEqualTo("Bedrijven die niet aan…");
    assertThat(SlackText.mrkdwn(text, 30)).isEqualTo("Bedrijven die niet aan…");
  }

  @Test
  void aSingleLongWordIsCutWhereItMust() {
    assertThat(SlackText.plain("x".repeat(100), 75)).isEqualTo("x".repeat(74) + "…").hasSize(75);
  }

  @Test
  void escapingCountsTowardsTheLimitAndEntitiesAreNeverCut() {
    String shortened = SlackText.mrkdwn("&".repeat(100), 52);

    assertThat(shortened).isEqualTo("&amp;".repeat(10) + "…");
    assertThat(SlackText.mrkdwn("a <b> c", 9)).isEqualTo("a &lt;b…");
  }

  @Test
  void surrogatePairsAreNeverSplit() {
    String emoji = "\uD83C\uDF99";

    assertThat(SlackText.plain(emoji.repeat(10), 6)).isEqualTo(emoji.repeat(2) + "…");
  }

  @Test
  void markdownBoldBecomesSlackBold() {
    assertThat(SlackText.fromMarkdown("**Results**: `Eens 60%` <b>", 100))
        .isEqualTo("*Results*: `Eens 60%` &lt;b&gt;");
  }
}
