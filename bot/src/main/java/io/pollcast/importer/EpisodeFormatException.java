package io.pollcast.importer;

import io.pollcast.config.Language;
import io.pollcast.domain.Notice;
import java.util.Objects;

/**
 * An episode file that cannot be imported. The message names the source and, when the problem is on
 * one line, that line, e.g. {@code "episode-068.txt line 12: thesis 2 appears twice (first at line
 * 9)"}, so a host can fix the file without reading code. {@link #getMessage()} is English; {@link
 * #message(Language)} says it in the configured language.
 */
public final class EpisodeFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient Notice notice;

  /**
   * Creates the exception.
   *
   * @param source the file name or other description of where the text came from
   * @param notice what is wrong and, where possible, how to fix it, with its line
   * @param cause the underlying cause, or null
   */
  public EpisodeFormatException(String source, Notice notice, Throwable cause) {
    super(notice.text(Language.EN, source), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.notice = notice;
  }

  /** As {@link #EpisodeFormatException(String, Notice, Throwable)}, without a cause. */
  public EpisodeFormatException(String source, Notice notice) {
    this(source, notice, null);
  }

  /** The 1-based line the problem is on, or 0 when it is not about one line. */
  public int line() {
    return notice.line();
  }

  /** The message key of the problem, such as {@code notes.no-theses}. */
  public String key() {
    return notice.key();
  }

  /** Where the text came from, usually the file name. */
  public String source() {
    return source;
  }

  /** The English message without the source and line. */
  public String problem() {
    return notice.text(Language.EN);
  }

  /** The whole message, source and line included, in a language. */
  public String message(Language language) {
    return notice.text(language, source);
  }
}
