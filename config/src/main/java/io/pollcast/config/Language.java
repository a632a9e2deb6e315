package io.pollcast.config;

import java.util.Locale;

/**
 * The language in which the bot speaks to users; Dutch by default because the podcasts it serves
 * are.
 */
public enum Language {
  NL(Locale.forLanguageTag("nl")),
  EN(Locale.ENGLISH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  /** The locale to look message bundles up with. */
  public Locale locale() {
    return locale;
  }
}
