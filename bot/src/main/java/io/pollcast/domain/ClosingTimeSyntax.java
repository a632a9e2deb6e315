package io.pollcast.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text forms of {@link ClosingTime}; kept apart so the interface stays a plain type. */
final class ClosingTimeSyntax {
  private static final Pattern DURATION =
      Pattern.compile("(?:\\d{1,6} *[wdhm] *)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern PART =
      Pattern.compile("(\\d{1,6}) *([wdhm])", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE_TIME_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]");

  private ClosingTimeSyntax() {}

  static ClosingTime parse(String text) {
    String trimmed = text.strip();
    if (DURATION.matcher(trimmed).matches()) {
      return new ClosingTime.After(duration(trimmed));
    }
    if (DATE_TIME_START.matcher(trimmed).lookingAt()) {
      try {
        return new ClosingTime.At(LocalDateTime.parse(trimmed.replaceFirst(" +", "T")));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "closing time \""
                + trimmed
                + "\" is not a valid date-time; write it like 2026-12-01T20:00",
            e);
      }
    }
    throw new IllegalArgumentException(
        "closing time \""
            + trimmed
            + "\" is neither a duration such as 3d, 12h or 90m"
            + " nor a date-time such as 2026-12-01T20:00");
  }

  private static Duration duration(String text) {
    long minutes = 0;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      minutes +=
          switch (part.group(2).toLowerCase(Locale.ROOT)) {
            case "w" -> amount * 7 * 24 * 60;
            case "d" -> amount * 24 * 60;
            case "h" -> amount * 60;
            default -> amount;
          };
    }
    Duration duration = Duration.ofMinutes(minutes);
    if (duration.isZero()) {
      throw new IllegalArgumentException("closing time \"" + text + "\" must be longer than zero");
    }
    if (duration.compareTo(ClosingTime.MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "closing time \"" + text + "\" is too far away; polls may stay open at most 365 days");
    }
    return duration;
  }
}
