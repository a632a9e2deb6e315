package io.pollcast.importer;

import io.pollcast.domain.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into {@link SourceLine}s. Lines may end in {@code \n}, {@code \r\n} or a lone {@code
 * \r} (old Mac files); a leading byte order mark is dropped. Every kind of Unicode space and the
 * tab become a plain space and runs of spaces become one, so the line patterns never have to care
 * about non-breaking spaces and cannot backtrack over long runs of blanks.
 *
 * <p>Other control characters are refused rather than silently removed: in a text file they are a
 * sign of a damaged file or a wrong encoding, and the host should see that.
 */
final class SourceLines {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private SourceLines() {}

  static List<SourceLine> split(String text, String source) throws EpisodeFormatException {
    List<SourceLine> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(new SourceLine(lines.size() + 1, ContextText.collapseSpaces(line.toString())));
        line.setLength(0);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\t' || Character.isSpaceChar(c)) {
        line.append(' ');
      } else if (Character.isISOControl(c)) {
        throw new EpisodeFormatException(
            source,
            Notice.of(
                lines.size() + 1,
                "notes.control-character",
                String.format(Locale.ROOT, "U+%04X", (int) c),
                String.valueOf(line.length() + 1)));
      } else {
        line.append(c);
      }
    }
    lines.add(new SourceLine(lines.size() + 1, ContextText.collapseSpaces(line.toString())));
    return lines;
  }

  /** The index of the first non-blank line at or after {@code from}, or -1 when there is none. */
  static int nextNonBlank(List<SourceLine> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
