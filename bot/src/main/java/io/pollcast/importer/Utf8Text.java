package io.pollcast.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of an episode file into text, refusing what is not a reasonably sized UTF-8 text
 * file. Guessing another encoding would silently garble names like "Joël", so the host is asked to
 * save the file as UTF-8 instead.
 */
final class Utf8Text {
  static final int MAX_BYTES = 1024 * 1024;

  private Utf8Text() {}

  static String decode(byte[] bytes, EpisodeRules rules) throws EpisodeFormatException {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length, rules);
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      throw rules.problem(0, "is saved as UTF-16; save it as UTF-8 and import it again");
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw rules.problem(
            lineAt(bytes, start, i),
            "contains a NUL byte; this looks like a binary file, not text");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
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
          String.format(
              Locale.ROOT,
              "is not valid UTF-8 (byte 0x%02X after \"%s\"); save the file as UTF-8"
                  + " and import it again",
              bytes[bad] & 0xFF,
              textBefore(out)));
    }
    return out.flip().toString();
  }

  static EpisodeFormatException tooLarge(long size, EpisodeRules rules) {
    return rules.problem(
        0,
        String.format(
            Locale.ROOT,
            "is too large (%.1f MiB); an episode file may be at most 1 MiB of text",
            size / (double) MAX_BYTES));
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
