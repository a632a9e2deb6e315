package io.pollcast.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the bytes of an episode file into text, refusing what is not a reasonably sized text file
 * in UTF-8 or UTF-16 (with or without a byte order mark; Windows editors save "Unicode" so).
 * Guessing a legacy encoding would silently garble names like "Joël", so the host is asked to save
 * such a file as UTF-8 instead.
 */
final class Utf8Text {
  static final int MAX_BYTES = 1024 * 1024;

  private Utf8Text() {}

  static String decode(byte[] bytes, EpisodeRules rules) throws EpisodeFormatException {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length, rules);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return utf16(bytes, 2, StandardCharsets.UTF_16BE, rules);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return utf16(bytes, 2, StandardCharsets.UTF_16LE, rules);
    }
    Optional<Charset> utf16 = utf16WithoutMark(bytes);
    if (utf16.isPresent()) {
      return utf16(bytes, 0, utf16.get(), rules);
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw rules.problem(lineAt(bytes, start, i), "binary");
      }
    }
    CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      throw rules.problem(
          lineAt(bytes, start, bad),
          "not-utf8",
          String.format(Locale.ROOT, "0x%02X", bytes[bad] & 0xFF),
          textBefore(out));
    }
    return out.flip().toString();
  }

  /**
   * Text saved as UTF-16 without a byte order mark, as some Windows editors do: in such a file
   * nearly every other byte is zero, and always on the same side of each pair, which neither UTF-8
   * text nor a binary file looks like.
   */
  private static Optional<Charset> utf16WithoutMark(byte[] bytes) {
    int pairs = bytes.length / 2;
    if (pairs < 2 || bytes.length % 2 != 0) {
      return Optional.empty();
    }
    int zeroFirst = 0;
    int zeroSecond = 0;
    for (int i = 0; i + 1 < bytes.length; i += 2) {
      zeroFirst += bytes[i] == 0 ? 1 : 0;
      zeroSecond += bytes[i + 1] == 0 ? 1 : 0;
    }
    if (zeroSecond * 2 >= pairs && zeroFirst * 20 <= pairs) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (zeroFirst * 2 >= pairs && zeroSecond * 20 <= pairs) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }

  private static String utf16(byte[] bytes, int start, Charset charset, EpisodeRules rules)
      throws EpisodeFormatException {
    try {
      return strict(charset).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      throw rules.problemCausedBy(e, 0, "not-utf16");
    }
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  static EpisodeFormatException tooLarge(long size, EpisodeRules rules) {
    return rules.problem(
        0, "too-large", String.format(Locale.ROOT, "%.1f", size / (double) MAX_BYTES));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The 1-based line of {@code index}, counting {@code \n}, {@code \r\n} and a lone {@code \r}. */
  private static int lineAt(byte[] bytes, int start, int index) {
    int line = 1;
    for (int i = start; i < index; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** Up to 20 characters decoded just before the bad byte, on the same line. */
  private static String textBefore(CharBuffer decoded) {
    String text = decoded.duplicate().flip().toString();
    int lineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
    String line = text.substring(lineStart);
    return line.length() <= 20 ? line : "..." + line.substring(line.length() - 20);
  }
}
