package io.pollcast.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.poll.ClosingTimes;
import io.pollcast.text.MentionSafety;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command parser, and the handler behind them, tried with a corpus of nasty lines and with a
 * budget of lines generated from a fixed seed (one test per property for all of them, so that the
 * test count says what is tested): each is parsed or refused with a {@link RefusedException}, and
 * the handler answers every line in words, never with an internal error or a mention.
 */
final class HostileCommandInputTest {
  private static final long SEED = 0xC0FFEEL;
  private static final int GENERATED = 1_500;
  private static final CommandParser PARSER = new CommandParser();
  private static final Actor MEMBER = new Actor(Platform.CONSOLE, "anna", "anna", Set.of());
  private static final Actor MODERATOR =
      new Actor(Platform.CONSOLE, "mod", "mod", Set.of(Role.MODERATOR));

  private static Pollcast pollcast;
  private static String internalError;

  @BeforeAll
  static void open() {
    pollcast = TestSettings.consoleInMemory();
    Actor host = new Actor(Platform.CONSOLE, "host", "host", Set.of(Role.HOST));
    pollcast.service().importEpisode(host, BundledEpisodes.example());
    pollcast.service().start(host, Place.CONSOLE, 68, Optional.empty());
    internalError = pollcast.texts().messages().get("error.internal");
  }

  @AfterAll
  static void close() {
    pollcast.close();
  }

  static Stream<String> corpus() {
    return Stream.of(
        "",
        " ",
        "/",
        "//poll",
        "/poll",
        "/poll ",
        "/POLL START 68",
        "/poll start 0",
        "/poll start 000000",
        "/poll start 9999999",
        "/poll start -1",
        "/poll start 68 closes:",
        "/poll start 68 closes:0m",
        "/poll start 68 closes:999999w999999d999999h999999m",
        "/poll start 68 closes:9999-12-31T23:59",
        "/poll start 68 closes:0000-01-01T00:00",
        "/poll start 68 closes:2026-02-30T25:61",
        "/poll start 68 CLOSES:3D",
        "/poll start ６８",
        "/poll start 6\u200B8",
        "/poll\u00a0start\u00a068",
        "/poll\tstart\t68",
        "/poll start 68\u0000",
        "/poll tally 68\u001b[2J",
        "/vote 68.1",
        "/vote 68.1 ",
        "/vote 68.1 @everyone",
        "/vote 68.1 <@123456789012345678>",
        "/vote 68.1 <!channel>",
        "/vote 68.1 **Eens**",
        "/vote 68.1 Eens\nOneens",
        "/vote 68.99 Eens",
        "/vote 99999.999 Eens",
        "/vote 1234567.1 Eens",
        "/vote 68.1.1 Eens",
        "/vote .1 Eens",
        "/vote 68. Eens",
        "/vote ６８.１ Eens",
        "/vote 68.1 " + "x".repeat(489),
        "/vote 68.1 " + "x".repeat(10_000),
        "/vote 68.1 " + "😀".repeat(300),
        "/withdraw 68.1 68.2",
        "/withdraw @everyone",
        "/poll my-data @here",
        "/poll forget-me --all",
        "/poll import",
        "/poll import a b",
        "/help me",
        "\uD800",
        "/poll \uDC00",
        "@everyone",
        "<!channel> /poll start 68",
        " ".repeat(10_000));
  }

  /** The seed and the number of lines the generated tests try. */
  static Stream<Arguments> budget() {
    return Stream.of(Arguments.of(SEED, GENERATED));
  }

  private static List<String> generated(long seed, int budget) {
    Random random = new Random(seed);
    String[] tokens = {
      "/poll",
      "/vote",
      "/withdraw",
      "/help",
      "/POLL",
      "/",
      "poll",
      "start",
      "close",
      "tally",
      "episodes",
      "import",
      "my-data",
      "forget-me",
      "help",
      "68",
      "68.1",
      "68.2",
      "0",
      "1",
      "2",
      "-1",
      "99999999999",
      ".",
      "..",
      "closes:",
      "3d",
      "12h",
      "90m",
      "2026-12-01T20:00",
      "Eens",
      "Oneens",
      "eens",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "\u2003",
      "\u0000",
      "\u0007",
      "\u001b",
      "\u200B",
      "\uFEFF",
      "\u202E",
      "@everyone",
      "@here",
      "<@123>",
      "<!channel>",
      "**",
      "`",
      "||",
      "é",
      "😀",
      "\uD800",
      "\uDFFF",
      "６",
      "x".repeat(200)
    };
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < budget; i++) {
      StringBuilder line = new StringBuilder();
      if (i % 5 == 0) {
        int length = random.nextInt(40);
        for (int c = 0; c < length; c++) {
          line.appendCodePoint(random.nextInt(random.nextBoolean() ? 0x80 : 0x10FFFF));
        }
      } else {
        int count = 1 + random.nextInt(7);
        for (int t = 0; t < count; t++) {
          line.append(tokens[random.nextInt(tokens.length)]);
          if (random.nextInt(3) > 0) {
            line.append(' ');
          }
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyParserParsesOrRefuses(String line) {
    everyParserParsesOrRefusesLine(line);
  }

  @ParameterizedTest(name = "{1} lines generated from seed {0}")
  @MethodSource("budget")
  void everyParserParsesOrRefusesGeneratedLines(long seed, int lines) {
    List<String> generated = generated(seed, lines);
    for (int i = 0; i < generated.size(); i++) {
      String line = generated.get(i);
      assertThatCode(() -> everyParserParsesOrRefusesLine(line))
          .as("generated line #%d of seed %d: %s", i, seed, visible(line))
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void theHandlerAnswersEveryLineInWords(String line) {
    theHandlerAnswersInWords(line);
  }

  @ParameterizedTest(name = "{1} lines generated from seed {0}")
  @MethodSource("budget")
  void theHandlerAnswersEveryGeneratedLineInWords(long seed, int lines) {
    List<String> generated = generated(seed, lines);
    for (int i = 0; i < generated.size(); i++) {
      String line = generated.get(i);
      assertThatCode(() -> theHandlerAnswersInWords(line))
          .as("generated line #%d of seed %d: %s", i, seed, visible(line))
          .doesNotThrowAnyException();
    }
  }

  private static void everyParserParsesOrRefusesLine(String line) {
    parsesOrRefuses("parse", line, PARSER::parse);
    parsesOrRefuses("parsePoll", line, PARSER::parsePoll);
    String afterPoll = line.startsWith("/poll") ? line.substring(5) : line;
    parsesOrRefuses("parsePoll", afterPoll, PARSER::parsePoll);
    try {
      ClosingTimes.tryParse(line);
    } catch (RuntimeException e) {
      fail("ClosingTimes.tryParse threw " + e + " for " + visible(line), e);
    }
  }

  private static void theHandlerAnswersInWords(String line) {
    for (Actor actor : List.of(MEMBER, MODERATOR)) {
      String reply = pollcast.handler().handleLine(actor, Place.CONSOLE, line).join();

      assertThat(reply).as("reply to %s", visible(line)).isNotBlank().isNotEqualTo(internalError);
      assertThat(MentionSafety.mentions(reply)).as("reply to %s", visible(line)).isFalse();
    }
  }

  @Test
  void theVotesOfTheHostileLinesCountedNormally() {
    assertThat(pollcast.database().polls().counterDifferences()).isEmpty();
  }

  private static void parsesOrRefuses(
      String parser, String line, Function<String, PollCommand> parse) {
    try {
      assertThat(parse.apply(line)).isNotNull();
    } catch (RefusedException e) {
      assertThat(pollcast.texts().refusal(e)).isNotBlank();
    } catch (RuntimeException e) {
      fail(parser + " threw " + e + " for " + visible(line), e);
    }
  }

  private static String visible(String line) {
    StringBuilder out = new StringBuilder("\"");
    line.codePoints()
        .limit(120)
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u{%x}", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }
}
