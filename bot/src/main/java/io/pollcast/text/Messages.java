package io.pollcast.text;

import io.pollcast.config.Language;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Everything the bot says, in the configured language, from {@code messages*.properties}. A missing
 * key is a bug and fails loudly. Thread-safe.
 */
public final class Messages {
  private final ResourceBundle bundle;
  private final Language language;

  /** Loads the messages of a language. */
  public Messages(Language language) {
    this("io.pollcast.text.messages", language);
  }

  /** Loads the messages of a language from another bundle, such as a platform adapter's own. */
  public Messages(String baseName, Language language) {
    this.language = language;
    this.bundle =
        ResourceBundle.getBundle(
            baseName,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The language spoken. */
  public Language language() {
    return language;
  }

  /** The message for a key, with its arguments filled in. */
  public String get(String key, Object... arguments) {
    MessageFormat format = new MessageFormat(bundle.getString(key), language.locale());
    return format.format(arguments);
  }
}
