package io.pollcast.poll;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds an option as a member typed it: by its label, ignoring case, or by its number from 1. */
public final class Options {
  private Options() {}

  /** The option's index, if {@code typed} names one. */
  public static Optional<Integer> indexOf(List<String> options, String typed) {
    String wanted = typed.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).toLowerCase(Locale.ROOT).equals(wanted)
          || String.valueOf(i + 1).equals(wanted)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The option's label as the poll spells it, if {@code typed} names one. */
  public static Optional<String> find(List<String> options, String typed) {
    return indexOf(options, typed).map(options::get);
  }
}
