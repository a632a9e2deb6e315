package io.pollcast.storage;

/** Shows a JDBC URL in a message without a password that may be written into it. */
final class Redaction {
  private Redaction() {}

  /** The URL with the value of any {@code password} parameter replaced by {@code ***}. */
  static String url(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
