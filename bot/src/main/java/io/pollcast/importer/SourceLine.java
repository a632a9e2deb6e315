package io.pollcast.importer;

/**
 * One line of show notes with its 1-based line number. The text has no line end, its spaces are
 * single plain spaces (tabs and non-breaking spaces included) and it is stripped at both ends.
 */
record SourceLine(int number, String text) {

  boolean isBlank() {
    return text.isEmpty();
  }

  /** The text, cut to 60 characters for an error message that quotes the line. */
  String shortened() {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
