package io.pollcast.cli;

import io.pollcast.config.PollcastConfig;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pollcast feed check [--url URL]}: reads the feed and prints each item with what the bot
 * would do with it, and what importing it would read; stores nothing.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the feed and prints what it holds and what would be imported; stores nothing.",
      "Without --url it reads pollcast.feed.url."
    },
    footer = {
      "",
      "Examples:",
      "  pollcast feed check",
      "  pollcast feed check --url https://example.org/podcast.xml"
    })
final class FeedCheckCommand implements Callable<Integer> {
  @ParentCommand private FeedCommand feed;
  @Mixin private ConfigOption config;

  @Option(names = "--url", paramLabel = "URL", description = "The feed to read instead.")
  private String url;

  @Override
  public Integer call() throws Exception {
    CliContext context = feed.parent().context();
    PollcastConfig settings = config.load(context.env());
    URI feedUrl =
        url == null
            ? settings
                .feed()
                .url()
                .orElseThrow(
                    () -> new BadInputException("No feed: set pollcast.feed.url or give --url URL"))
            : FeedImport.url(url);
    return FeedImport.print(context, settings, feedUrl, true);
  }
}
