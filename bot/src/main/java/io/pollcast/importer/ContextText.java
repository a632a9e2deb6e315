package io.pollcast.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises the explanation under a thesis, so both file formats store it the same way: runs of
 * whitespace become one space, lines of a paragraph are joined with a space (hosts wrap lines at
 * different widths), list items keep their own line, and paragraphs are separated by one blank line
 * ({@code "\n\n"}).
 */
final class ContextText {
  private static final Pattern LINE_END = Pattern.compile("\\r\\n|\\r|\\n");
  private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*+•]|\\d{1,3}[.)]) .*");

  private ContextText() {}

  /** Normalises text that may contain any kind of line end. */
  static String normalise(String text) {
    return normalise(List.of(LINE_END.split(text, -1)));
  }

  /** Normalises lines in which an empty or blank line separates paragraphs. */
  static String normalise(List<String> lines) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String raw : lines) {
      String line = collapseSpaces(raw);
      if (line.isEmpty()) {
        addParagraph(paragraphs, paragraph);
      } else {
        if (paragraph.length() > 0) {
          paragraph.append(LIST_ITEM.matcher(line).matches() ? '\n' : ' ');
        }
        paragraph.append(line);
      }
    }
    addParagraph(paragraphs, paragraph);
    return String.join("\n\n", paragraphs);
  }

  /** Turns every run of whitespace, Unicode spaces included, into one space and strips the ends. */
  static String collapseSpaces(String text) {
    StringBuilder collapsed = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
      } else {
        if (space && collapsed.length() > 0) {
          collapsed.append(' ');
        }
        space = false;
        collapsed.append(c);
      }
    }
    return collapsed.toString();
  }

  private static void addParagraph(List<String> paragraphs, StringBuilder paragraph) {
    if (paragraph.length() > 0) {
      paragraphs.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }
}
