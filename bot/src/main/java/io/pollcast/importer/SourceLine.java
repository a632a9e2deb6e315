package io.pollcast.importer;

/**
 * One line of show notes with its 1-based line number. The text has no line end, its spaces are
 * single plain spaces (tabs and non-breaking spaces included) and it is stripped at both ends.
 */
record SourceLine(int number, String text) {

  boolean isBlank() {
    return text.isEmpty();
  }
}
