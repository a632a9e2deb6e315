package io.pollcast.importer;

import io.pollcast.domain.EpisodeDraft;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an episode file: checks that it is a reasonably sized UTF-8 text file (see {@link
 * Utf8Text}: at most 1 MiB, no NUL bytes, strict UTF-8 with an optional byte order mark) and picks
 * the parser by the name: {@code .conf} and {@code .hocon} are read by {@link HoconEpisodeParser},
 * anything else as show notes by {@link ShowNotesParser}. Every problem, including a missing or
 * unreadable file, is an {@link EpisodeFormatException} with a message for the host. Instances hold
 * no state and may be shared.
 */
public final class EpisodeFileReader {
  private final ShowNotesParser showNotes = new ShowNotesParser();
  private final HoconEpisodeParser hocon = new HoconEpisodeParser();

  /** Reads the file; error messages name it by its file name. */
  public EpisodeDraft read(Path file) throws EpisodeFormatException {
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    return read(bytes(file, new EpisodeRules(source)), source);
  }

  /**
   * Reads file content that arrived some other way, such as an upload; {@code source} is the file
   * name, which picks the parser and names the file in error messages.
   */
  public EpisodeDraft read(byte[] content, String source) throws EpisodeFormatException {
    String text = Utf8Text.decode(content, new EpisodeRules(source));
    return isHocon(source) ? hocon.parse(text, source) : showNotes.parse(text, source);
  }

  private static boolean isHocon(String source) {
    String name = source.toLowerCase(Locale.ROOT);
    return name.endsWith(".conf") || name.endsWith(".hocon");
  }

  /** Reads at most one byte more than allowed, so a huge file or endless stream is not loaded. */
  private static byte[] bytes(Path file, EpisodeRules rules) throws EpisodeFormatException {
    if (Files.isDirectory(file)) {
      throw rules.problem(0, "directory", file.toString());
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw rules.problem(0, "not-a-file", file.toString());
    }
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      if (size > Utf8Text.MAX_BYTES) {
        throw Utf8Text.tooLarge(size, rules);
      }
      return in.readNBytes(Utf8Text.MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw rules.problemCausedBy(e, 0, "not-found", file.toAbsolutePath().toString());
    } catch (AccessDeniedException e) {
      throw rules.problemCausedBy(e, 0, "permission-denied", file.toString());
    } catch (IOException e) {
      throw rules.problemCausedBy(e, 0, "unreadable", String.valueOf(e.getMessage()));
    }
  }
}
