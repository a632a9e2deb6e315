package io.pollcast.domain;

import java.util.List;
import java.util.Objects;

/**
 * One thesis of an episode as read from a file, before it is stored.
 *
 * <p>The parsers check their input and report problems as {@link EpisodeFormatException}s before
 * they build a draft; the checks here only guard what other code relies on: {@code number} is at
 * least 1, {@code text} is a non-blank single line kept word for word (markdown and mentions
 * included: escaping is the renderer's job), and {@code context} is the explanation written under
 * the thesis, paragraphs separated by a blank line, possibly empty but never null. {@code stances}
 * are where the hosts stand, when the file says (HOCON {@code stance}).
 */
public record ThesisDraft(int number, String text, String context, List<StanceDraft> stances) {

  /** Checks the invariants; throws {@link IllegalArgumentException} when one is broken. */
  public ThesisDraft {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    stances = List.copyOf(stances);
    if (number < 1) {
      throw new IllegalArgumentException("thesis number must be at least 1, was " + number);
    }
    if (text.isBlank() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("thesis text must be a non-blank single line");
    }
  }

  /** A thesis on which the file states no stance. */
  public ThesisDraft(int number, String text, String context) {
    this(number, text, context, List.of());
  }
}
