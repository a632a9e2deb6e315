package io.pollcast.text;

import static io.pollcast.text.MentionSafety.ZERO_WIDTH_SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.ThesisResult;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class MentionSafetyTest {
  private static final String Z = ZERO_WIDTH_SPACE;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "@everyone stem nu! | @" + "\u200B" + "everyone stem nu!",
        "Hallo @here en @Everyone | Hallo @\u200Bhere en @\u200BEveryone",
        "<@123456789012345678> is fout | <\u200B@123456789012345678> is fout",
        "<@!123> <@&456> <#789> | <\u200B@!123> <\u200B@&456> <\u200B#789>",
        "<!channel> <!here> <!everyone> | <\u200B!channel> <\u200B!here> <\u200B!everyone>",
        "'<!subteam^S123|@team> kijk' | '<\u200B!subteam^S123|@team> kijk'",
        "@channel en @all | @\u200Bchannel en @\u200Ball",
        "x@everyone.y | x@\u200Beveryone.y"
      })
  void mentionsNoLongerPing(String text, String safe) {
    assertThat(MentionSafety.neutralise(text)).isEqualTo(safe);
    assertThat(MentionSafety.mentions(text)).isTrue();
    assertThat(MentionSafety.mentions(safe)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bedrijven die niet aan personalisatie doen, missen de boot",
        "mail me@example.org of @everyoneelse",
        "a < b en c > d, 3 <4",
        "**vet** en `code` en [link](https://example.org)",
        "@ everyone"
      })
  void otherTextIsUnchanged(String text) {
    assertThat(MentionSafety.neutralise(text)).isEqualTo(text);
  }

  /** The seed and the number of texts the generated test tries. */
  static Stream<Arguments> budget() {
    return Stream.of(Arguments.of(20261129L, 2_000));
  }

  private static List<String> generated(long seed, int budget) {
    Random random = new Random(seed);
    String[] parts = {
      "@",
      "<",
      ">",
      "!",
      "#",
      "&",
      "everyone",
      "here",
      "channel",
      "EVERYONE",
      "all",
      "123",
      " ",
      "x",
      "é",
      "\u200B",
      "😀",
      "\n",
      "|",
      "^",
      "subteam"
    };
    return Stream.generate(
            () -> {
              StringBuilder text = new StringBuilder();
              int length = random.nextInt(12);
              for (int i = 0; i < length; i++) {
                text.append(parts[random.nextInt(parts.length)]);
              }
              return text.toString();
            })
        .limit(budget)
        .toList();
  }

  @ParameterizedTest(name = "{1} texts generated from seed {0}")
  @MethodSource("budget")
  void generatedTextNeverMentionsAfterwardsAndOnlyGainsInvisibleSpaces(long seed, int texts) {
    for (String text : generated(seed, texts)) {
      String safe = MentionSafety.neutralise(text);

      assertThat(MentionSafety.mentions(safe)).as("%s", text).isFalse();
      assertThat(MentionSafety.neutralise(safe)).as("%s", text).isEqualTo(safe);
      assertThat(safe.replace(Z, "")).as("%s", text).isEqualTo(text.replace(Z, ""));
    }
  }

  @Test
  void thesesTitlesOptionsAndEchoedInputAreRenderedWithoutMentions() {
    TextRenderer texts = Pollcast.texts(TestSettings.inMemory(Map.of()));
    ThesisResult thesis =
        new ThesisResult(
            1,
            "@everyone <@123> stem!",
            false,
            List.of(new OptionResult("<!here>", 1, 100), new OptionResult("Oneens", 0, 0)),
            Map.of(Platform.DISCORD, List.of(1, 0), Platform.SLACK, List.of(0, 0)));
    ThesisResult second =
        new ThesisResult(
            2,
            "@channel",
            false,
            List.of(new OptionResult("<!here>", 1, 50), new OptionResult("Oneens", 1, 50)),
            Map.of(Platform.DISCORD, List.of(1, 1)));

    String announcement =
        texts.announcement(new EpisodeResults(68, "@here titel", List.of(thesis, second)));
    String refusal = texts.refusal(new RefusedException("command.unknown", "<!channel>"));

    assertThat(MentionSafety.mentions(announcement)).isFalse();
    assertThat(announcement.replace(Z, ""))
        .contains("@everyone <@123> stem!", "<!here>", "@here titel");
    assertThat(MentionSafety.mentions(refusal)).isFalse();
  }
}
