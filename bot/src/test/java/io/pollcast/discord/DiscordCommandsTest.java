package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.config.Language;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks /poll as Discord receives it, through {@code SlashCommandData.toData()}. */
final class DiscordCommandsTest {
  private static final int SUB_COMMAND = 1;
  private static final int STRING = 3;
  private static final int INTEGER = 4;
  private static final int BOOLEAN = 5;
  private static final int ATTACHMENT = 11;

  @Test
  void pollHasItsSubcommandsWithTheirOptions() throws Exception {
    JsonNode poll = definition(Language.NL);

    assertThat(poll.path("name").asText()).isEqualTo("poll");
    assertThat(poll.path("type").asInt()).isEqualTo(1);
    assertThat(names(poll.path("options")))
        .containsExactly(
            "start",
            "close",
            "after",
            "stance",
            "reopen",
            "tally",
            "episodes",
            "import",
            "my-data",
            "forget-me",
            "dashboard",
            "overlay",
            "reasons",
            "feature",
            "hide",
            "show");
    assertThat(poll.path("options")).allMatch(sub -> sub.path("type").asInt() == SUB_COMMAND);

    JsonNode start = subcommand(poll, "start");
    assertThat(names(start.path("options")))
        .containsExactly("episode", "closes", "debate", "after");
    assertEpisodeOption(start.path("options").path(0));
    JsonNode closes = start.path("options").path(1);
    assertThat(closes.path("type").asInt()).isEqualTo(STRING);
    assertThat(closes.path("required").asBoolean()).isFalse();
    assertThat(closes.path("max_length").asInt()).isEqualTo(40);

    assertThat(start.path("options").path(2).path("type").asInt()).isEqualTo(BOOLEAN);
    assertThat(start.path("options").path(3).path("required").asBoolean()).isFalse();
    assertThat(names(subcommand(poll, "stance").path("options")))
        .containsExactly("thesis", "option");
    assertThat(subcommand(poll, "stance").path("options"))
        .allMatch(o -> o.path("type").asInt() == STRING && o.path("required").asBoolean());
    for (String name : List.of("close", "after", "tally", "overlay")) {
      JsonNode sub = subcommand(poll, name);
      assertThat(names(sub.path("options"))).containsExactly("episode");
      assertEpisodeOption(sub.path("options").path(0));
    }
    assertThat(names(subcommand(poll, "reopen").path("options")))
        .containsExactly("episode", "closes");
    for (String name : List.of("episodes", "my-data", "forget-me", "dashboard")) {
      assertThat(subcommand(poll, name).path("options")).isEmpty();
    }
    JsonNode file = subcommand(poll, "import").path("options").path(0);
    assertThat(file.path("name").asText()).isEqualTo("file");
    assertThat(file.path("type").asInt()).isEqualTo(ATTACHMENT);
    assertThat(file.path("required").asBoolean()).isFalse();
  }

  @Test
  void pollIsForEveryMemberInServersOnly() throws Exception {
    JsonNode poll = definition(Language.NL);

    // Everyone may list episodes; the poll service checks roles for the rest.
    assertThat(poll.path("default_member_permissions").isNull()).isTrue();
    assertThat(poll.path("contexts")).extracting(JsonNode::asInt).containsExactly(0);
    assertThat(poll.path("nsfw").asBoolean()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyDescriptionIsWithinDiscordsHundredCharacters(Language language) throws Exception {
    JsonNode poll = definition(language);

    List<String> descriptions = poll.findValuesAsText("description");
    assertThat(descriptions)
        .hasSize(1 + 16 + 20)
        .allSatisfy(d -> assertThat(d).isNotBlank().hasSizeLessThanOrEqualTo(100));
  }

  private static void assertEpisodeOption(JsonNode option) {
    assertThat(option.path("name").asText()).isEqualTo("episode");
    assertThat(option.path("type").asInt()).isEqualTo(INTEGER);
    assertThat(option.path("required").asBoolean()).isTrue();
    assertThat(option.path("min_value").asLong()).isEqualTo(1);
    assertThat(option.path("max_value").asLong()).isEqualTo(99_999);
  }

  private static JsonNode definition(Language language) throws Exception {
    Messages texts =
        DiscordBot.discordTexts(new TextRenderer(new Messages(language), ZoneId.of("UTC")));
    String json = DiscordCommands.poll(texts).toData().toString();
    return new ObjectMapper().readTree(json);
  }

  private static JsonNode subcommand(JsonNode poll, String name) {
    return StreamSupport.stream(poll.path("options").spliterator(), false)
        .filter(sub -> sub.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> names(JsonNode options) {
    return StreamSupport.stream(options.spliterator(), false)
        .map(option -> option.path("name").asText())
        .toList();
  }
}
