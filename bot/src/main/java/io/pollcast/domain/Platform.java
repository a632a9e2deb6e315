package io.pollcast.domain;

import java.util.Locale;

/** Where a poll can be posted and votes come from. */
public enum Platform {
  CONSOLE,
  DISCORD,
  SLACK;

  /** The lower-case name stored in the database and shown to users. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The platform with the given {@link #id()}. */
  public static Platform ofId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
