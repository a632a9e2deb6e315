package io.pollcast.domain;

import io.pollcast.config.Language;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Something the importer has to say about one line of a file, an error or a warning, kept as a
 * message key and its arguments so that it can be said in the configured language. The texts are
 * the bot's own ({@code io/pollcast/text/messages*.properties}, keys {@code notes.*}).
 *
 * @param line the 1-based line it is about, or 0 when it is not about one line
 * @param key the message key
 * @param arguments the values the message fills in
 */
public record Notice(int line, String key, List<Object> arguments) {
  private static final String BUNDLE = "io.pollcast.text.messages";

  /** Checks the key and copies the arguments. */
  public Notice {
    Objects.requireNonNull(key, "key");
    arguments = List.copyOf(arguments);
    line = Math.max(0, line);
  }

  /** A notice at a line, with its message key and arguments. */
  public static Notice of(int line, String key, Object... arguments) {
    return new Notice(line, key, List.of(arguments));
  }

  /** The notice in a language, without the file name and line. */
  public String text(Language language) {
    return format(language, key, arguments.toArray());
  }

  /** The notice in a language, after the file name and, if any, its line. */
  public String text(Language language, String source) {
    return line > 0
        ? format(language, "notes.where-line", source, String.valueOf(line), text(language))
        : format(language, "notes.where", source, text(language));
  }

  private static String format(Language language, String key, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
  }
}
