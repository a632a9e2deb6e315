package io.pollcast.console;

import io.pollcast.command.CommandHandler;
import io.pollcast.config.ConsoleConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A chat in the terminal, for trying Pollcast without any Discord or Slack account: each line is
 * {@code name: message}; names map to roles by configuration; the same commands as on the platforms
 * work, with {@code /vote 68.1 Eens} in place of a button. Reads a person's typing or a piped file
 * alike. Runs on the thread that calls {@link #run}.
 */
public final class ConsoleChat {
  private static final int MAX_NAME_LENGTH = 32;
  private final ConsoleConfig config;
  private final CommandHandler handler;
  private final TextRenderer texts;
  private final ConsoleOutput output;

  public ConsoleChat(
      ConsoleConfig config, CommandHandler handler, TextRenderer texts, ConsoleOutput output) {
    this.config = config;
    this.handler = handler;
    this.texts = texts;
    this.output = output;
  }

  /** Greets, then handles lines until the input ends or someone types {@code /quit}. */
  public void run(BufferedReader input, List<EpisodeSummary> episodes) throws IOException {
    run(input, episodes, false);
  }

  /**
   * As {@link #run(BufferedReader, List)}; with {@code dashboard}, the greeting hands the first
   * host a link to the dashboard, as {@code /poll dashboard} would.
   */
  public void run(BufferedReader input, List<EpisodeSummary> episodes, boolean dashboard)
      throws IOException {
    greet(episodes);
    if (dashboard && !config.hosts().isEmpty()) {
      handle(firstHost() + ": /poll dashboard");
    }
    String line;
    while ((line = input.readLine()) != null) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.equals("/quit") || trimmed.endsWith(": /quit")) {
        break;
      }
      handle(trimmed);
    }
    output.plain(texts.messages().get("console.bye"));
  }

  private void handle(String line) {
    int colon = line.indexOf(':');
    String name = colon > 0 ? line.substring(0, colon).strip() : "";
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.contains(" ")) {
      output.plain(texts.messages().get("console.format"));
      return;
    }
    String message = line.substring(colon + 1).strip();
    if (!message.startsWith("/")) {
      return; // people talking among themselves
    }
    String reply = handler.handleLine(actor(name), Place.CONSOLE, message).join();
    output.privately(name, reply);
  }

  private Actor actor(String name) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (config.hosts().contains(name)) {
      roles.add(Role.HOST);
    }
    if (config.moderators().contains(name)) {
      roles.add(Role.MODERATOR);
    }
    return new Actor(Platform.CONSOLE, name, name, roles);
  }

  private String firstHost() {
    return config.hosts().stream().sorted().findFirst().orElse("host");
  }

  private void greet(List<EpisodeSummary> episodes) {
    Messages messages = texts.messages();
    String host = firstHost();
    String moderator = config.moderators().stream().sorted().findFirst().orElse("mod");
    output.plain(
        messages.get(
            "console.greeting",
            String.join(", ", config.hosts().stream().sorted().toList()),
            String.join(", ", config.moderators().stream().sorted().toList())));
    output.plain(messages.get("console.episodes"));
    output.plain("  " + texts.episodes(episodes).replace("\n", "\n  "));
    String latest = episodes.isEmpty() ? "68" : String.valueOf(episodes.get(0).number());
    output.plain(messages.get("console.try", host, moderator, latest));
  }
}
