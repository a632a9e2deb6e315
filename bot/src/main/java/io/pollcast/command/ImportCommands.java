package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.importer.EpisodeFileReader;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.poll.PollService;
import io.pollcast.text.ImportTexts;
import io.pollcast.text.TextRenderer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Imports an episode for a host: show notes or HOCON uploaded or pasted on a platform, or a file
 * named in the console. A file that cannot be read is answered with what is wrong and where, and
 * nothing is stored.
 */
final class ImportCommands {
  private final PollService service;
  private final TextRenderer texts;
  private final EpisodeFileReader reader = new EpisodeFileReader();

  ImportCommands(PollService service, TextRenderer texts) {
    this.service = service;
    this.texts = texts;
  }

  /** Imports show notes or a HOCON episode given as bytes (an upload or a pasted text). */
  String content(Actor actor, byte[] content, String source) {
    if (!actor.isHost()) {
      return texts.messages().get("refused.host"); // before reading: others' uploads cost nothing
    }
    try {
      return texts.imported(service.importEpisode(actor, reader.read(content, source)));
    } catch (EpisodeFormatException e) {
      return failed(e);
    }
  }

  /**
   * Imports a file on this machine: console only, since a host elsewhere must not be able to make
   * the bot read (and quote, in error messages) local files such as the voter key.
   */
  String file(Actor actor, Place place, String file) {
    if (!actor.isHost()) {
      throw new RefusedException("refused.host");
    }
    if (place.platform() != Platform.CONSOLE) {
      throw new RefusedException("command.not-here");
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      return texts.messages().get("import.failed", "\"" + file + "\" is not a file name");
    }
    try {
      return new ImportTexts(texts.messages())
          .details(service.importEpisode(actor, reader.read(path)));
    } catch (EpisodeFormatException e) {
      return failed(e);
    }
  }

  private String failed(EpisodeFormatException e) {
    return texts.messages().get("import.failed", e.message(texts.messages().language()));
  }
}
