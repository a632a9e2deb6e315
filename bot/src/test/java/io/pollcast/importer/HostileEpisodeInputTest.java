package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.pollcast.domain.EpisodeDraft;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Episode files from outside, at their worst: a corpus of nasty cases and inputs generated from a
 * fixed seed (random bytes, token soups and mutations of a valid file). Each is either read into a
 * draft or refused with an {@link EpisodeFormatException} naming the file; nothing else may escape.
 * A failure names the case, so it can be replayed.
 */
final class HostileEpisodeInputTest {
  private static final long SEED = 0x5071CA57L;
  private static final int GENERATED = 400;
  private static final byte[] EXAMPLE = Fixtures.bytes("episode-068.conf");
  private static final byte[] SHOW_NOTES =
      """
      68
      Personalisatie, profiling en privacy

      Stelling 1: Bedrijven die niet aan personalisatie doen, missen de boot
      Uitleg.

      Opties: Eens / Oneens
      Sluit: 3d

      Stelling 2: Personalisatie gaat altijd ten koste van privacy
      """
          .getBytes(StandardCharsets.UTF_8);

  private final EpisodeFileReader reader = new EpisodeFileReader();

  static Stream<Arguments> corpus() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "empty", new byte[0]);
    add(cases, "byte order mark only", bytes(0xEF, 0xBB, 0xBF));
    add(cases, "blank lines", "\n\n \t \r\n\r".getBytes(StandardCharsets.UTF_8));
    add(cases, "just over 1 MiB", withSize(1024 * 1024 + 1));
    add(cases, "exactly 1 MiB", withSize(1024 * 1024));
    add(cases, "one line of 1 MiB", line("Stelling 1: ", 1024 * 1024 - 100));
    add(cases, "NUL bytes", utf8("68\nTitel\nStelling 1: a\u0000b\n"));
    add(cases, "random binary", random(new Random(SEED), 4096));
    add(
        cases,
        "UTF-16LE with BOM",
        concat(bytes(0xFF, 0xFE), "68\nT\n".getBytes(StandardCharsets.UTF_16LE)));
    add(
        cases,
        "UTF-16BE with BOM",
        concat(bytes(0xFE, 0xFF), "68\nT\n".getBytes(StandardCharsets.UTF_16BE)));
    add(
        cases,
        "UTF-16 without BOM",
        "68\nTitel\nStelling 1: x\n".getBytes(StandardCharsets.UTF_16LE));
    add(
        cases,
        "Latin-1",
        "68\nJo\u00ebl\nStelling 1: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    add(
        cases,
        "UTF-8 then Latin-1",
        concat(utf8("68\nJoël\n"), "Stelling 1: café\n".getBytes(StandardCharsets.ISO_8859_1)));
    add(cases, "overlong UTF-8", concat(utf8("68\nT\nStelling 1: "), bytes(0xC0, 0xAF)));
    add(
        cases,
        "UTF-8 encoded surrogate",
        concat(utf8("68\nT\nStelling 1: "), bytes(0xED, 0xA0, 0x80)));
    add(
        cases,
        "beyond U+10FFFF",
        concat(utf8("68\nT\nStelling 1: "), bytes(0xF4, 0x90, 0x80, 0x80)));
    add(
        cases,
        "truncated sequence at the end",
        concat(utf8("68\nT\nStelling 1: x"), bytes(0xE2, 0x82)));
    add(cases, "bell and escape", utf8("68\nTitel\u0007\nStelling 1: \u001b[31mrood\u001b[0m\n"));
    add(cases, "next line and separators", utf8("68\nTi\u0085tel\nStelling 1: a\u2028b\u2029c\n"));
    add(cases, "bidi override", utf8("68\nTitel\nStelling 1: \u202Egnilrats\u202C\n"));
    add(cases, "zero width", utf8("6\u200B8\nTitel\nStelling\u200B 1: x\n"));
    add(cases, "old Mac line ends", utf8("68\rTitel\rStelling 1: x\r"));
    add(
        cases,
        "markdown injection",
        utf8(
            "68\n# Titel **vet**\n\nStelling 1: **[klik hier](javascript:alert(1))** `code` ||spoiler||\n"
                + "> quote\n```\nblock\n```\n"));
    add(
        cases,
        "mention injection",
        utf8(
            "68\n@everyone <!channel>\n\nStelling 1: @here <@123456789012345678> <@&42> <!subteam^S1>\n"
                + "Opties: @everyone / <@1>\n"));
    add(cases, "huge episode number", utf8("99999999999999999999999\nTitel\nStelling 1: x\n"));
    add(cases, "huge thesis number", utf8("68\nTitel\nStelling 99999999999999999999: x\n"));
    add(cases, "ten thousand theses", manyTheses(10_000));
    add(cases, "hundred options", utf8("68\nT\nOpties: " + "a/".repeat(100) + "\nStelling 1: x\n"));
    add(cases, "huge closing time", utf8("68\nT\nSluit: 999999w 999999d\nStelling 1: x\n"));
    add(cases, "closing date far away", utf8("68\nT\nSluit: 9999-12-31T23:59\nStelling 1: x\n"));
    add(cases, "bad closing date", utf8("68\nT\nSluit: 2026-02-30T25:61\nStelling 1: x\n"));
    add(cases, "deep nesting", utf8("number = 68\nx = " + "[".repeat(100_000)));
    add(cases, "deep nesting in objects", utf8("a" + "{".repeat(50_000)));
    add(cases, "include", utf8("include file(\"/etc/passwd\")\nnumber = 68\n"));
    add(cases, "include url", utf8("include url(\"http://127.0.0.1:9/x\")\n"));
    add(
        cases,
        "environment substitution",
        utf8("number = 68\ntitle = ${DISCORD_TOKEN}\ntheses = [x]\n"));
    add(cases, "optional substitution", utf8("number = 68\ntitle = ${?HOME}\ntheses = [x]\n"));
    add(cases, "self reference", utf8("number = 68\ntitle = ${title}\ntheses = [x]\n"));
    add(cases, "number as double", utf8("number = 1e400\ntitle = t\ntheses = [x]\n"));
    add(cases, "number as string", utf8("number = \"68\"\ntitle = t\ntheses = [x]\n"));
    add(
        cases,
        "thesis as object soup",
        utf8("number = 68\ntitle = t\ntheses = [{}, [], 1, null, true]\n"));
    add(cases, "unterminated string", utf8("number = 68\ntitle = \"t\ntheses = [x]\n"));
    add(cases, "unterminated triple quote", utf8("number = 68\ntitle = \"\"\"t\n"));
    add(cases, "show notes read as HOCON", SHOW_NOTES);
    add(cases, "HOCON read as show notes", EXAMPLE);
    return cases.stream();
  }

  /** The seed and the number of files the generated test tries, each as show notes and as HOCON. */
  static Stream<Arguments> budget() {
    return Stream.of(Arguments.of(SEED, GENERATED));
  }

  private static List<Arguments> generated(long seed, int budget) {
    Random random = new Random(seed);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < budget; i++) {
      int kind = i % 4;
      byte[] bytes =
          switch (kind) {
            case 0 -> random(random, random.nextInt(600));
            case 1 -> utf8(soup(random, SHOW_NOTES_TOKENS, 1 + random.nextInt(80)));
            case 2 -> utf8(soup(random, HOCON_TOKENS, 1 + random.nextInt(80)));
            default -> mutate(random, random.nextBoolean() ? SHOW_NOTES : EXAMPLE);
          };
      add(cases, "generated #" + i + " (seed " + seed + ", kind " + kind + ")", bytes);
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("corpus")
  void nastyFilesAreReadOrRefusedCleanly(String name, String source, byte[] bytes) {
    readsOrRefuses(name, source, bytes);
  }

  @ParameterizedTest(name = "{1} files generated from seed {0}")
  @MethodSource("budget")
  void generatedFilesAreReadOrRefusedCleanly(long seed, int files) {
    for (Arguments generated : generated(seed, files)) {
      Object[] file = generated.get();
      String name = (String) file[0];
      String source = (String) file[1];
      byte[] bytes = (byte[]) file[2];
      assertThatCode(() -> readsOrRefuses(name, source, bytes))
          .as("%s as %s", name, source)
          .doesNotThrowAnyException();
    }
  }

  private void readsOrRefuses(String name, String source, byte[] bytes) {
    try {
      EpisodeDraft draft = reader.read(bytes, source);
      assertThat(draft.theses()).isNotEmpty();
      assertThat(draft.title()).isNotBlank();
    } catch (EpisodeFormatException e) {
      assertThat(e.getMessage()).startsWith(source).doesNotContain("Exception");
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      fail(name + " as " + source + " threw " + e + "; input starts " + preview(bytes), e);
    }
  }

  private static final String[] SHOW_NOTES_TOKENS = {
    "68",
    "Aflevering 68",
    "\n",
    "\n\n",
    "\r\n",
    "Stelling ",
    "Thesis ",
    "#",
    "1",
    "2",
    "0",
    "-1",
    "999999",
    ":",
    " - ",
    ".",
    "**",
    "Opties:",
    "Options:",
    "Sluit:",
    "Closes:",
    " / ",
    ",",
    "3d",
    "2026-12-01T20:00",
    "Eens",
    "Oneens",
    "---",
    "* ",
    "> ",
    "[x](y)",
    "@everyone",
    "<@123>",
    "<!channel>",
    "\t",
    "\u00a0",
    "\u0007",
    "\u001b",
    "\u200B",
    "\uFEFF",
    "é",
    "😀",
    "\uD800",
    " "
  };

  private static final String[] HOCON_TOKENS = {
    "number",
    "title",
    "options",
    "closes",
    "theses",
    "text",
    "context",
    "=",
    ":",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\n",
    " ",
    "\"",
    "\"\"\"",
    "68",
    "1",
    "-1",
    "1e9",
    "3d",
    "x",
    "Eens",
    "${",
    "${?",
    "}",
    "include ",
    "file(",
    ")",
    "#",
    "//",
    "\\",
    "null",
    "true",
    "+=",
    ".",
    "@everyone",
    "é",
    "\u0000",
    "\u0007",
    "😀"
  };

  private static String soup(Random random, String[] tokens, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(tokens[random.nextInt(tokens.length)]);
    }
    return text.toString();
  }

  private static byte[] mutate(Random random, byte[] original) {
    byte[] bytes = original.clone();
    int edits = 1 + random.nextInt(8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int e = 0; e < edits; e++) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    int cut = random.nextInt(bytes.length);
    out.write(bytes, 0, cut);
    if (random.nextBoolean()) {
      out.write(bytes, 0, Math.min(bytes.length, random.nextInt(200)));
    }
    out.write(bytes, cut, bytes.length - cut);
    return out.toByteArray();
  }

  private static void add(List<Arguments> cases, String name, byte[] bytes) {
    cases.add(Arguments.of(name, "episode.txt", bytes));
    cases.add(Arguments.of(name, "episode.conf", bytes));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] random(Random random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] withSize(int size) {
    byte[] bytes = new byte[size];
    byte[] head = SHOW_NOTES;
    System.arraycopy(head, 0, bytes, 0, head.length);
    for (int i = head.length; i < size; i++) {
      bytes[i] = (byte) (i % 61 == 0 ? '\n' : 'a' + i % 26);
    }
    return bytes;
  }

  private static byte[] line(String prefix, int length) {
    return utf8("68\nTitel\n" + prefix + "x".repeat(length) + "\n");
  }

  private static byte[] manyTheses(int count) {
    StringBuilder text = new StringBuilder("68\nTitel\n\n");
    for (int i = 1; i <= count; i++) {
      text.append("Stelling ").append(i).append(": nummer ").append(i).append("\n\n");
    }
    return utf8(text.toString());
  }

  private static String preview(byte[] bytes) {
    return HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
  }
}
