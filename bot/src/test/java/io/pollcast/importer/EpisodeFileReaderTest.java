package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.ThesisDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

final class EpisodeFileReaderTest {
  private static final String EXAMPLE = "episode-068.txt";

  private final EpisodeFileReader reader = new EpisodeFileReader();

  @TempDir Path folder;

  @Test
  void readsShowNotesFromAFile() throws IOException, EpisodeFormatException {
    // given
    Path file = Files.write(folder.resolve(EXAMPLE), Fixtures.bytes(EXAMPLE));

    // when
    EpisodeDraft episode = reader.read(file);

    // then
    assertThat(episode).isEqualTo(new ShowNotesParser().parse(Fixtures.text(EXAMPLE), EXAMPLE));
  }

  @Test
  @DisplayName(".conf and .hocon files are read as HOCON")
  void readsHoconByExtension() throws IOException, EpisodeFormatException {
    // given
    byte[] hocon = Fixtures.bytes("episode-068.conf");
    Path conf = Files.write(folder.resolve("episode-068.conf"), hocon);
    Path upperCase = Files.write(folder.resolve("EPISODE-068.HOCON"), hocon);

    // when
    EpisodeDraft fromConf = reader.read(conf);
    EpisodeDraft fromHocon = reader.read(upperCase);

    // then
    EpisodeDraft expected = new ShowNotesParser().parse(Fixtures.text(EXAMPLE), EXAMPLE);
    assertThat(fromConf).usingRecursiveComparison().ignoringFields("language").isEqualTo(expected);
    assertThat(fromHocon).usingRecursiveComparison().ignoringFields("language").isEqualTo(expected);
  }

  @Test
  void skipsAUtf8ByteOrderMark() throws EpisodeFormatException {
    // given
    byte[] example = Fixtures.bytes(EXAMPLE);
    byte[] withMark = new byte[example.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(example, 0, withMark, 3, example.length);

    // when
    EpisodeDraft episode = reader.read(withMark, EXAMPLE);

    // then
    assertThat(episode).isEqualTo(reader.read(example, EXAMPLE));
  }

  @Test
  void refusesAFileOverOneMebibyte() throws IOException {
    // given
    byte[] huge = new byte[2 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    Path file = Files.write(folder.resolve("huge.txt"), huge);

    // when
    EpisodeFormatException fromFile =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(file));
    EpisodeFormatException fromBytes =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(huge, "huge.txt"));

    // then
    String message =
        "huge.txt: is too large (2.0 MiB); an episode file may be at most 1 MiB of text";
    assertThat(fromFile).hasMessage(message);
    assertThat(fromBytes).hasMessage(message);
  }

  @Test
  void refusesBinaryContent() {
    // given
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H'};

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(png, "cover.txt"));

    // then
    assertThat(error)
        .hasMessage(
            "cover.txt line 3: contains a NUL byte; this looks like a binary file, not text");
  }

  @Test
  void refusesInvalidUtf8NamingTheLine() {
    // given
    byte[] content = {
      '6',
      '8',
      '\r',
      '\n',
      'T',
      'i',
      't',
      'e',
      'l',
      '\r',
      '\n',
      'c',
      'a',
      'f',
      (byte) 0xE9,
      '\r',
      '\n'
    };

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(content, "x.txt"));

    // then
    assertThat(error)
        .hasMessage(
            "x.txt line 3: is not valid UTF-8 (byte 0xE9 after \"caf\");"
                + " save the file as UTF-8 and import it again");
    assertThat(error.line()).isEqualTo(3);
  }

  @Test
  @DisplayName("a Latin-1 copy of the example is refused at the first non-ASCII letter")
  void refusesALatin1Copy() throws IOException {
    // given
    byte[] latin1 = Fixtures.text(EXAMPLE).getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(folder.resolve("episode-068-latin1.txt"), latin1);

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(file));

    // then
    assertThat(error)
        .hasMessage(
            "episode-068-latin1.txt line 5: is not valid UTF-8 (byte 0xEB after"
                + " \"...ast duiken Milan, Jo\"); save the file as UTF-8 and import it again");
  }

  @Test
  void keepsMentionsAndMarkdownAsText() throws EpisodeFormatException {
    // given
    byte[] content =
        "68\nTitel\n\nStelling 1: @everyone <@123> __vet__ `code` [link](http://x) ||spoiler||\n"
            .getBytes(StandardCharsets.UTF_8);

    // when
    EpisodeDraft episode = reader.read(content, "x.txt");

    // then
    assertThat(episode.theses())
        .extracting(ThesisDraft::text)
        .containsExactly("@everyone <@123> __vet__ `code` [link](http://x) ||spoiler||");
  }

  @Test
  void refusesHoconThatReachesOutsideTheFile() {
    // given
    byte[] content =
        "number = 68\ntitle = ${?PATH}\ninclude url(\"http://example.invalid/x.conf\")\n"
            .getBytes(StandardCharsets.UTF_8);

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(content, "x.conf"));

    // then
    assertThat(error)
        .hasMessage(
            "x.conf line 3: include is not allowed in an episode file;"
                + " put everything in this one file");
  }

  @Test
  void refusesDeeplyNestedHocon() {
    // given
    byte[] content = ("x = " + "[".repeat(500_000)).getBytes(StandardCharsets.UTF_8);

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(content, "x.conf"));

    // then
    assertThat(error)
        .hasMessage(
            "x.conf line 1: values are nested more than 32 levels deep;"
                + " an episode file needs only a few levels");
  }

  @Test
  @Timeout(10)
  @DisplayName("a long run of blanks inside a heading does not make the line patterns crawl")
  void readsLongRunsOfBlanksQuickly() throws EpisodeFormatException {
    // given
    String blanks = " \u00A0\t".repeat(80_000);
    byte[] content =
        ("68\nTitel\n\nStelling" + blanks + "1:" + blanks + "Tekst" + blanks + "\n")
            .getBytes(StandardCharsets.UTF_8);

    // when
    EpisodeDraft episode = reader.read(content, "x.txt");

    // then
    assertThat(episode.theses()).containsExactly(new ThesisDraft(1, "Tekst", ""));
  }

  @Test
  void reportsAMissingFile() {
    // given
    Path missing = folder.resolve("episode-099.txt");

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(missing));

    // then
    assertThat(error)
        .hasMessage("episode-099.txt: file not found (" + missing.toAbsolutePath() + ")");
  }

  @Test
  void reportsADirectory() {
    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> reader.read(folder));

    // then
    assertThat(error)
        .hasMessage(
            folder.getFileName() + ": is a directory, not an episode file (" + folder + ")");
  }
}
