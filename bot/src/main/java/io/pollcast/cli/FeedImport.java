package io.pollcast.cli;

import io.pollcast.Pollcast;
import io.pollcast.config.PollcastConfig;
import io.pollcast.feed.FeedActions;
import io.pollcast.feed.FeedCheck;
import io.pollcast.feed.FeedFollower;
import io.pollcast.feed.FeedProblem;
import io.pollcast.feed.FeedTexts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/** Reads a feed once from the command line: a preview, or an import of what is new or changed. */
final class FeedImport {
  private FeedImport() {}

  /** Whether an argument of {@code pollcast import} is a feed's address rather than a file. */
  static boolean isUrl(String argument) {
    String lower = argument.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  static URI url(String value) throws BadInputException {
    try {
      URI uri = new URI(value);
      if (uri.getHost() != null && isUrl(value)) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new BadInputException("Not a feed address: " + value + " (expected http:// or https://)");
  }

  /**
   * Previews or imports the feed on the configured database and prints what it found.
   *
   * @throws BadInputException if the feed cannot be read
   */
  static int print(CliContext context, PollcastConfig settings, URI url, boolean preview)
      throws Exception {
    String report =
        CoreSession.with(
            settings,
            context,
            pollcast -> {
              try {
                return describe(pollcast, settings, url, preview, context.clock());
              } catch (FeedProblem e) {
                throw new BadInputException("The feed cannot be read: " + e.getMessage());
              }
            });
    context.out().println(report);
    return 0;
  }

  /** Previews or imports the feed and says what it found. */
  static String describe(
      Pollcast pollcast, PollcastConfig settings, URI url, boolean preview, Clock clock)
      throws FeedProblem {
    FeedFollower follower =
        new FeedFollower(
            url,
            pollcast.service(),
            pollcast.database(),
            settings.feed(),
            new FeedActions(
                pollcast.service(),
                pollcast.database(),
                Map.of(),
                pollcast.texts().messages(),
                clock),
            pollcast.texts(),
            clock);
    FeedCheck check = preview ? follower.preview() : follower.importOnce();
    return new FeedTexts(pollcast.texts().messages()).describe(check);
  }
}
