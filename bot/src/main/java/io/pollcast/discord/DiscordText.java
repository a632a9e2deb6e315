package io.pollcast.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Discord's limits on texts, and the shortening and splitting that keep texts within them, so that
 * Discord never rejects a message because a host wrote a long thesis. Lengths are counted in UTF-16
 * units, as JDA checks them; that is never less than Discord's count of characters. Stateless.
 */
public final class DiscordText {
  /** Content of one message. */
  public static final int MESSAGE = 2000;

  /** Label of a button. */
  public static final int BUTTON_LABEL = 80;

  /** Title of an embed, and the name of its author. */
  public static final int EMBED_TITLE = 256;

  /** Description of an embed. */
  public static final int EMBED_DESCRIPTION = 4096;

  /** Name of an embed field. */
  public static final int FIELD_NAME = 256;

  /** Every text of the embeds of one message together. */
  public static final int EMBEDS_TOTAL = 6000;

  /** Embeds in one message. */
  public static final int EMBEDS_PER_MESSAGE = 10;

  /** What marks a shortened text. */
  static final String ELLIPSIS = "…";

  private static final String TRAILING_PUNCTUATION = ",;:-–—";

  private DiscordText() {}

  /**
   * The text itself if it fits in {@code max} characters; otherwise its start, cut at the last word
   * boundary and ended with "…", all within {@code max}. A single word longer than half the room is
   * cut inside the word; a surrogate pair is never split.
   */
  public static String fit(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    if (text.length() <= max) {
      return text;
    }
    int room = max - ELLIPSIS.length();
    int cut = safeCut(text, room);
    int boundary = lastWhitespaceAtOrBefore(text, cut);
    if (boundary >= room / 2) {
      cut = boundary;
    }
    String head = stripTrailingPunctuation(text.substring(0, cut).stripTrailing());
    if (head.isEmpty()) {
      head = text.substring(0, safeCut(text, room));
    }
    return head + ELLIPSIS;
  }

  /**
   * Splits a text into pieces of at most {@code max} characters, cutting between paragraphs if it
   * can, else between lines, else between words; each piece is stripped. An empty text gives one
   * empty piece.
   */
  public static List<String> split(String text, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("max must be at least 2");
    }
    List<String> pieces = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = splitPoint(rest, max);
      pieces.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    pieces.add(rest);
    return pieces;
  }

  private static int splitPoint(String text, int max) {
    int paragraph = text.lastIndexOf("\n\n", max);
    if (paragraph >= max / 2) {
      return paragraph;
    }
    int line = text.lastIndexOf('\n', max);
    if (line >= max / 2) {
      return line;
    }
    int word = lastWhitespaceAtOrBefore(text, max);
    if (word >= max / 2) {
      return word;
    }
    return safeCut(text, max);
  }

  /** The last index at or before {@code index} that holds whitespace, or -1. */
  private static int lastWhitespaceAtOrBefore(String text, int index) {
    for (int i = Math.min(index, text.length() - 1); i >= 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code index}, or one less if cutting there would split a surrogate pair. */
  private static int safeCut(String text, int index) {
    if (index > 0
        && index < text.length()
        && Character.isHighSurrogate(text.charAt(index - 1))
        && Character.isLowSurrogate(text.charAt(index))) {
      return index - 1;
    }
    return index;
  }

  private static String stripTrailingPunctuation(String text) {
    int end = text.length();
    while (end > 0 && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end).stripTrailing();
  }
}
