package io.pollcast.importer;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed access to the values of a HOCON episode, with problems reported by key name and line
 * instead of Typesafe Config's generic exceptions.
 */
final class HoconFields {
  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  private final EpisodeRules rules;

  HoconFields(EpisodeRules rules) {
    this.rules = rules;
  }

  static int line(ConfigValue value) {
    return HoconDocument.line(value.origin());
  }

  /** Refuses keys outside {@code known}, naming the first one in the file. */
  void refuseUnknownKeys(ConfigObject object, Set<String> known, String where)
      throws EpisodeFormatException {
    Optional<Map.Entry<String, ConfigValue>> unknown =
        object.entrySet().stream()
            .filter(entry -> !known.contains(entry.getKey()))
            .min(Comparator.comparingInt(entry -> line(entry.getValue())));
    if (unknown.isPresent()) {
      throw rules.problem(
          line(unknown.get().getValue()),
          "hocon",
          "unknown key \""
              + unknown.get().getKey()
              + "\""
              + where
              + "; the keys are "
              + String.join(", ", known.stream().sorted().toList()));
    }
  }

  Optional<ConfigValue> optional(ConfigObject object, String key) {
    return Optional.ofNullable(object.get(key));
  }

  ConfigValue required(ConfigObject object, String key, String meaning)
      throws EpisodeFormatException {
    ConfigValue value = object.get(key);
    if (value == null) {
      throw rules.problem(0, "hocon", "missing key \"" + key + "\" (" + meaning + ")");
    }
    return value;
  }

  /** A whole number, written as a number or as a string of digits. */
  long wholeNumber(ConfigValue value, String name) throws EpisodeFormatException {
    Object unwrapped = value.unwrapped();
    if (unwrapped instanceof Integer || unwrapped instanceof Long) {
      return ((Number) unwrapped).longValue();
    }
    if (unwrapped instanceof String text && DIGITS.matcher(text.strip()).matches()) {
      return Long.parseLong(text.strip());
    }
    throw rules.problem(
        line(value), "hocon", name + " must be a whole number, not " + describe(value));
  }

  /** Text, also accepting a bare number or boolean, which HOCON does not quote. */
  String text(ConfigValue value, String name) throws EpisodeFormatException {
    return switch (value.valueType()) {
      case STRING -> (String) value.unwrapped();
      case NUMBER, BOOLEAN -> value.render(ConfigRenderOptions.concise());
      default ->
          throw rules.problem(line(value), "hocon", name + " must be text, not " + describe(value));
    };
  }

  List<String> texts(ConfigValue value, String name) throws EpisodeFormatException {
    List<String> texts = new ArrayList<>();
    for (ConfigValue element : list(value, name, "[Eens, Oneens]")) {
      texts.add(text(element, "each of " + name));
    }
    return texts;
  }

  ConfigList list(ConfigValue value, String name, String example) throws EpisodeFormatException {
    if (value.valueType() != ConfigValueType.LIST) {
      throw rules.problem(
          line(value),
          "hocon",
          name + " must be a list like " + example + ", not " + describe(value));
    }
    return (ConfigList) value;
  }

  private static String describe(ConfigValue value) {
    return switch (value.valueType()) {
      case OBJECT -> "an object";
      case LIST -> "a list";
      case NULL -> "null";
      default ->
          value.valueType().name().toLowerCase(Locale.ROOT)
              + " "
              + value.render(ConfigRenderOptions.concise());
    };
  }
}
