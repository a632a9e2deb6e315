package io.pollcast.command;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.ReasonState;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.ClosingTimes;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text commands shared by the console chat and Slack ({@code /poll start 68}, {@code
 * /vote 68.1 Eens}). Anything else is refused with a message that says what was wrong and what
 * would work. Stateless and thread-safe.
 */
public final class CommandParser {
  private static final int MAX_LENGTH = 500;
  private static final Pattern EPISODE = Pattern.compile("\\d{1,6}");
  private static final Pattern REFERENCE = Pattern.compile("(\\d{1,6})\\.(\\d{1,3})");
  private static final String CLOSES = "closes:";
  private static final String AFTER = "after:";
  private static final String DEBATE = "debate";
  private static final String WHY = "/why";
  private static final String REMOVE_REASON = "-";
  private static final Pattern REASON_ID = Pattern.compile("[Rr]?([1-9][0-9]{0,17})");

  /** Parses a whole line such as {@code /poll start 68}. */
  public PollCommand parse(String line) {
    String text = line.strip();
    if (text.regionMatches(true, 0, WHY, 0, WHY.length())
        && (text.length() == WHY.length() || Character.isWhitespace(text.charAt(WHY.length())))) {
      return parseWhy(text.substring(WHY.length())); // a reason's own limit says what is too long
    }
    if (text.length() > MAX_LENGTH) {
      throw new RefusedException("command.unknown", text.substring(0, 20) + "…");
    }
    String[] parts = text.split("\\s+", 2);
    String rest = parts.length > 1 ? parts[1] : "";
    return switch (parts[0].toLowerCase(Locale.ROOT)) {
      case "/poll" -> parsePoll(rest);
      case "/vote" -> parseVote(rest);
      case "/withdraw" -> parseWithdraw(rest);
      case "/help" -> new PollCommand.Help();
      default -> throw new RefusedException("command.unknown", parts[0]);
    };
  }

  /** Parses what follows {@code /poll}, as Slack delivers it: {@code start 68 closes:3d}. */
  public PollCommand parsePoll(String arguments) {
    String[] words = arguments.strip().split("\\s+", -1);
    String verb = words[0].toLowerCase(Locale.ROOT);
    return switch (verb) {
      case "episodes" -> {
        expectWords(words, 1, "/poll episodes");
        yield new PollCommand.Episodes();
      }
      case "start" -> start(words);
      case "after" -> new PollCommand.After(episode(words, "/poll after 68"));
      case "stance" -> stance(words);
      case "close" -> new PollCommand.Close(episode(words, "/poll close 68"));
      case "reopen" -> reopen(words);
      case "tally" -> new PollCommand.Tally(episode(words, "/poll tally 68"));
      case "import" -> {
        if (words.length != 2) {
          throw new RefusedException("command.usage", "/poll import episode-068.txt");
        }
        yield new PollCommand.Import(words[1]);
      }
      case "my-data" -> {
        expectWords(words, 1, "/poll my-data");
        yield new PollCommand.MyData();
      }
      case "forget-me" -> {
        expectWords(words, 1, "/poll forget-me");
        yield new PollCommand.ForgetMe();
      }
      case "dashboard" -> {
        expectWords(words, 1, "/poll dashboard");
        yield new PollCommand.Dashboard();
      }
      case "overlay" -> new PollCommand.Overlay(episode(words, "/poll overlay 68"));
      case "reasons" -> {
        expectWords(words, 2, "/poll reasons 68.1");
        Matcher reference = reference(words[1]);
        yield new PollCommand.Reasons(
            Integer.parseInt(reference.group(1)), Integer.parseInt(reference.group(2)));
      }
      case "feature" -> setReason(words, ReasonState.FEATURED);
      case "hide" -> setReason(words, ReasonState.HIDDEN);
      case "show" -> setReason(words, ReasonState.SHOWN);
      case "help", "" -> new PollCommand.Help();
      default -> throw new RefusedException("command.unknown", "/poll " + words[0]);
    };
  }

  private static PollCommand start(String[] words) {
    String usage = "/poll start 68 [debate] [closes:3d] [after:2d]";
    if (words.length < 2 || words.length > 5) {
      throw new RefusedException("command.usage", usage);
    }
    int episode = number(words[1]);
    Optional<ClosingTime> closing = Optional.empty();
    Optional<ClosingTime> after = Optional.empty();
    boolean debate = false;
    for (int i = 2; i < words.length; i++) {
      String word = words[i].toLowerCase(Locale.ROOT);
      if (word.equals(DEBATE) && !debate) {
        debate = true;
      } else if (word.startsWith(CLOSES) && closing.isEmpty()) {
        closing = Optional.of(closing(words[i], usage));
      } else if (word.startsWith(AFTER) && after.isEmpty()) {
        String when = words[i].substring(AFTER.length());
        after =
            Optional.of(
                ClosingTimes.tryParse(when)
                    .orElseThrow(() -> new RefusedException("command.bad-after", when)));
      } else {
        throw new RefusedException("command.usage", usage);
      }
    }
    return new PollCommand.Start(episode, closing, debate, after);
  }

  private static PollCommand stance(String[] words) {
    String usage = "/poll stance 68.1 Eens";
    if (words.length != 3 || words[2].isBlank()) {
      throw new RefusedException("command.usage", usage);
    }
    Matcher reference = reference(words[1]);
    return new PollCommand.Stance(
        Integer.parseInt(reference.group(1)), Integer.parseInt(reference.group(2)), words[2]);
  }

  private static PollCommand setReason(String[] words, ReasonState state) {
    expectWords(words, 3, "/poll " + words[0].toLowerCase(Locale.ROOT) + " 68.1 R7");
    Matcher reference = reference(words[1]);
    Matcher id = REASON_ID.matcher(words[2]);
    if (!id.matches()) {
      throw new RefusedException("command.bad-reason-id", words[2]);
    }
    return new PollCommand.SetReason(
        Integer.parseInt(reference.group(1)),
        Integer.parseInt(reference.group(2)),
        Long.parseLong(id.group(1)),
        state);
  }

  /** What follows {@code /why}: a thesis and the reason, or {@code -} to remove it. */
  private static PollCommand parseWhy(String arguments) {
    String[] words = arguments.strip().split("\\s+", 2);
    if (words.length != 2 || words[1].isBlank()) {
      throw new RefusedException("reason.usage");
    }
    Matcher reference = reference(words[0]);
    String reason = words[1].strip();
    return new PollCommand.Why(
        Integer.parseInt(reference.group(1)),
        Integer.parseInt(reference.group(2)),
        reason.equals(REMOVE_REASON) ? Optional.empty() : Optional.of(reason));
  }

  private static PollCommand reopen(String[] words) {
    String usage = "/poll reopen 68 [closes:1d]";
    if (words.length < 2 || words.length > 3) {
      throw new RefusedException("command.usage", usage);
    }
    Optional<ClosingTime> closing = Optional.empty();
    if (words.length == 3) {
      closing = Optional.of(closing(words[2], usage));
    }
    return new PollCommand.Reopen(number(words[1]), closing);
  }

  /** A {@code closes:3d} word. */
  private static ClosingTime closing(String word, String usage) {
    if (!word.toLowerCase(Locale.ROOT).startsWith(CLOSES)) {
      throw new RefusedException("command.usage", usage);
    }
    String when = word.substring(CLOSES.length());
    return ClosingTimes.tryParse(when)
        .orElseThrow(() -> new RefusedException("command.bad-closing", when));
  }

  private static PollCommand parseVote(String arguments) {
    String[] words = arguments.strip().split("\\s+", 2);
    if (words.length != 2 || words[1].isBlank()) {
      throw new RefusedException("command.usage", "/vote 68.1 Eens");
    }
    Matcher reference = reference(words[0]);
    return new PollCommand.Vote(
        Integer.parseInt(reference.group(1)),
        Integer.parseInt(reference.group(2)),
        words[1].strip());
  }

  private static PollCommand parseWithdraw(String arguments) {
    String[] words = arguments.strip().split("\\s+", -1);
    if (words.length != 1 || words[0].isEmpty()) {
      throw new RefusedException("command.usage", "/withdraw 68.1");
    }
    Matcher reference = reference(words[0]);
    return new PollCommand.Withdraw(
        Integer.parseInt(reference.group(1)), Integer.parseInt(reference.group(2)));
  }

  private static Matcher reference(String word) {
    Matcher matcher = REFERENCE.matcher(word);
    if (!matcher.matches()) {
      throw new RefusedException("command.bad-reference", word);
    }
    return matcher;
  }

  private static int episode(String[] words, String usage) {
    expectWords(words, 2, usage);
    return number(words[1]);
  }

  private static int number(String word) {
    if (!EPISODE.matcher(word).matches()) {
      throw new RefusedException("command.bad-number", word);
    }
    return Integer.parseInt(word);
  }

  private static void expectWords(String[] words, int count, String usage) {
    if (words.length != count) {
      throw new RefusedException("command.usage", usage);
    }
  }
}
