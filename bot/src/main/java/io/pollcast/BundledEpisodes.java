package io.pollcast;

import io.pollcast.importer.EpisodeFileReader;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.poll.PollService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The example episode that ships with the bot, so that a fresh install has something to try. */
public final class BundledEpisodes {
  static final String EXAMPLE = "episode-068.txt";

  private BundledEpisodes() {}

  /** Imports the example when the database has no episodes at all. */
  public static void importIfEmpty(PollService service) {
    if (service.episodes().isEmpty()) {
      service.importEpisode(LocalOperator.ACTOR, example());
    }
  }

  public static io.pollcast.domain.EpisodeDraft example() {
    try (InputStream in = BundledEpisodes.class.getResourceAsStream("/episodes/" + EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("The bundled example " + EXAMPLE + " is missing");
      }
      return new EpisodeFileReader().read(in.readAllBytes(), EXAMPLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (EpisodeFormatException e) {
      throw new IllegalStateException("The bundled example does not parse: " + e.getMessage(), e);
    }
  }
}
