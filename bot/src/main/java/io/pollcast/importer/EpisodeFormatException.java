package io.pollcast.importer;

import java.util.Objects;

/**
 * An episode file that cannot be imported. The message is user-facing English that names the source
 * and, when the problem is on one line, that line, e.g. {@code "episode-068.txt line 12: thesis 2
 * appears twice (first at line 9)"}, so a host can fix the file without reading code.
 */
public final class EpisodeFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source the file name or other description of where the text came from
   * @param line the 1-based line the problem is on, or 0 when it is not about one line
   * @param problem what is wrong and, where possible, how to fix it
   */
  public EpisodeFormatException(String source, int line, String problem) {
    this(source, line, problem, null);
  }

  /** As {@link #EpisodeFormatException(String, int, String)}, keeping the underlying cause. */
  public EpisodeFormatException(String source, int line, String problem, Throwable cause) {
    super(message(source, line, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = Math.max(0, line);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String message(String source, int line, String problem) {
    return line > 0 ? source + " line " + line + ": " + problem : source + ": " + problem;
  }

  /** The 1-based line the problem is on, or 0 when it is not about one line. */
  public int line() {
    return line;
  }

  /** Where the text came from, usually the file name. */
  public String source() {
    return source;
  }

  /** The message without the source and line. */
  public String problem() {
    return problem;
  }
}
