package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class DiscordTextTest {

  @Test
  void aTextThatFitsIsKeptAsItIs() {
    assertThat(DiscordText.fit("Bedrijven missen de boot", 24))
        .isEqualTo("Bedrijven missen de boot");
  }

  @Test
  void aLongTextIsCutAtAWordBoundaryAndEndsInAnEllipsis() {
    String fitted =
        DiscordText.fit("Bedrijven die niet aan personalisatie doen, missen de boot", 30);

    assertThat(fitted).isEqualTo("Bedrijven die niet aan…").hasSizeLessThanOrEqualTo(30);
  }

  @Test
  void trailingPunctuationIsDroppedBeforeTheEllipsis() {
    assertThat(DiscordText.fit("Personalisatie, profiling en privacy", 17))
        .isEqualTo("Personalisatie…");
  }

  @Test
  void aSingleLongWordIsCutInsideTheWord() {
    String fitted = DiscordText.fit("x".repeat(300), 80);

    assertThat(fitted).hasSize(80).endsWith("…").startsWith("xxx");
  }

  @Test
  void aSurrogatePairIsNeverSplit() {
    String emoji = "\uD83D\uDE00"; // 😀, two UTF-16 units
    String fitted = DiscordText.fit(emoji.repeat(50), 10);

    assertThat(fitted).hasSizeLessThanOrEqualTo(10).endsWith("…");
    String head = fitted.substring(0, fitted.length() - 1);
    assertThat(head.codePoints()).allMatch(cp -> cp == emoji.codePointAt(0));
  }

  @Test
  void everyFittedTextIsWithinTheLimit() {
    String text =
        "Stelling 1: Bedrijven die niet aan personalisatie doen, missen de boot. ".repeat(20);
    for (int max = 1; max < 300; max++) {
      assertThat(DiscordText.fit(text, max)).hasSizeLessThanOrEqualTo(max);
    }
  }

  @Test
  void splitPrefersParagraphsThenLinesAndKeepsEveryPieceWithinTheLimit() {
    String paragraph = "Een regel tekst die lang genoeg is.\n".repeat(20);
    String text = paragraph + "\n" + paragraph + "\n" + paragraph;

    List<String> pieces = DiscordText.split(text, 1000);

    assertThat(pieces)
        .hasSize(3)
        .allSatisfy(piece -> assertThat(piece).hasSizeLessThanOrEqualTo(1000));
    assertThat(pieces).allSatisfy(piece -> assertThat(piece).isEqualTo(paragraph.strip()));
  }

  @Test
  void splitCutsAWordlessTextHard() {
    List<String> pieces = DiscordText.split("y".repeat(4500), 2000);

    assertThat(pieces).extracting(String::length).containsExactly(2000, 2000, 500);
  }

  @Test
  void aShortTextIsOnePiece() {
    assertThat(DiscordText.split("  kort  ", 2000)).containsExactly("kort");
  }
}
