package io.pollcast.cli;

import io.pollcast.Pollcast;
import io.pollcast.config.ConsoleConfig;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.domain.Actor;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The scripted session that {@code pollcast demo} plays, through the same commands people type. */
final class DemoScript {
  private static final int SHOWN_VOTES = 6;
  private final Pollcast pollcast;
  private final ConsoleOutput output;
  private final Random random;
  private final Actor host;
  private final Actor moderator;

  DemoScript(Pollcast pollcast, ConsoleConfig console, ConsoleOutput output, long seed) {
    this.pollcast = pollcast;
    this.output = output;
    this.random = new Random(seed);
    String hostName = console.hosts().stream().sorted().findFirst().orElse("host");
    String modName = console.moderators().stream().sorted().findFirst().orElse("mod");
    this.host = new Actor(Platform.CONSOLE, hostName, hostName, Set.of(Role.HOST));
    this.moderator = new Actor(Platform.CONSOLE, modName, modName, Set.of(Role.MODERATOR));
  }

  void play(EpisodeDraft episode, int voters) {
    int number = episode.number();
    say(host, "/poll start " + number);
    List<String> options =
        episode.options().isEmpty() ? List.of("Eens", "Oneens") : episode.options();
    List<CompletableFuture<String>> pending = new ArrayList<>();
    int shown = 0;
    int changed = 0;
    int withdrawn = 0;
    for (int v = 1; v <= voters; v++) {
      Actor listener = new Actor(Platform.CONSOLE, "luisteraar-" + v, "luisteraar-" + v, Set.of());
      for (var thesis : episode.theses()) {
        String reference = number + "." + thesis.number();
        List<String> lines = new ArrayList<>();
        lines.add("/vote " + reference + " " + options.get(random.nextInt(options.size())));
        if (random.nextInt(10) == 0) {
          lines.add("/vote " + reference + " " + options.get(random.nextInt(options.size())));
          changed++;
        } else if (random.nextInt(20) == 0) {
          lines.add("/withdraw " + reference);
          withdrawn++;
        }
        for (String line : lines) {
          if (shown++ < SHOWN_VOTES) {
            say(listener, line);
          } else {
            pending.add(pollcast.handler().handleLine(listener, Place.CONSOLE, line));
          }
        }
      }
    }
    pending.forEach(CompletableFuture::join);
    output.plain(
        "… "
            + voters
            + " listeners voted on "
            + episode.theses().size()
            + " theses ("
            + changed
            + " changed their mind, "
            + withdrawn
            + " withdrew).");
    say(moderator, "/poll tally " + number);
    say(host, "/poll close " + number);
  }

  private void say(Actor actor, String line) {
    output.plain(actor.displayName() + ": " + line);
    output.privately(
        actor.displayName(), pollcast.handler().handleLine(actor, Place.CONSOLE, line).join());
  }
}
