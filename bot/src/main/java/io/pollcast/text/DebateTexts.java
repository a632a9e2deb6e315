package io.pollcast.text;

import io.pollcast.domain.DebateResult;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.HostStance;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.OptionShift;
import io.pollcast.domain.Round;
import io.pollcast.domain.RoundTally;
import io.pollcast.domain.Shift;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.AfterReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words of thesis debates: the answers to a host's {@code after} and {@code stance}, and the
 * parts of results that show both rounds, the shift and the hosts against the listeners. Plain text
 * with light markdown, like {@link TextRenderer}, whose bars it is given. Thread-safe.
 */
public final class DebateTexts {
  private final Messages messages;

  public DebateTexts(Messages messages) {
    this.messages = messages;
  }

  /** What opening the after round did. */
  public String after(AfterReport report) {
    return messages.get("after.done", String.valueOf(report.episode()), report.polls());
  }

  /** The answer to a host whose stance was recorded. */
  public String stance(String reference, String label) {
    return messages.get("stance.done", reference, MentionSafety.neutralise(label));
  }

  /**
   * Both rounds of a debate thesis, each with a bar per option, then the shift.
   *
   * @param bars renders the option lines of a round as {@link TextRenderer} does
   */
  public String rounds(DebateResult debate, Function<List<OptionResult>, String> bars) {
    StringBuilder text = new StringBuilder();
    text.append(messages.get("results.round-before", debate.before().voters()))
        .append(bars.apply(debate.before().options()));
    if (debate.round() == Round.BEFORE) {
      text.append('\n').append(messages.get("results.after-not-open"));
      return text.toString();
    }
    text.append('\n')
        .append(messages.get("results.round-after", debate.after().voters()))
        .append(bars.apply(debate.after().options()))
        .append('\n')
        .append(shift(debate.shift()));
    return text.toString();
  }

  /** The shift in words: points per option, and who moved the most minds or a dead heat. */
  public String shift(Shift shift) {
    if (shift.voters() == 0) {
      return messages.get("results.shift-none");
    }
    String points =
        shift.options().stream()
            .map(o -> MentionSafety.neutralise(o.label()) + " " + signed(o.points()))
            .collect(Collectors.joining(", "));
    String verdict =
        shift
            .mover()
            .map(
                m -> messages.get("results.mover", MentionSafety.neutralise(m.label()), m.points()))
            .orElseGet(() -> messages.get("results.dead-heat"));
    return messages.get("results.shift", shift.voters(), points) + " " + verdict;
  }

  /**
   * The hosts against the listeners, e.g. "De hosts: Anna: Eens; de luisteraars: 62% Oneens"; empty
   * when no host took a stance.
   */
  public Optional<String> stances(ThesisResult thesis) {
    if (thesis.stances().isEmpty()) {
      return Optional.empty();
    }
    List<OptionResult> listeners = listenerOptions(thesis);
    if (listeners.stream().allMatch(o -> o.votes() == 0)) {
      return Optional.of(messages.get("results.stance-no-votes", hosts(thesis.stances())));
    }
    OptionResult top =
        listeners.stream().max(Comparator.comparingInt(OptionResult::votes)).orElseThrow();
    return Optional.of(
        messages.get(
            "results.stance",
            hosts(thesis.stances()),
            top.percent(),
            MentionSafety.neutralise(top.label())));
  }

  /** The summary line naming the thesis whose minds moved most, for a debate episode. */
  public Optional<String> movedMost(EpisodeResults results) {
    List<ThesisResult> debates =
        results.theses().stream()
            .filter(t -> t.debate().filter(d -> d.round() == Round.AFTER).isPresent())
            .toList();
    if (debates.isEmpty()) {
      return Optional.empty();
    }
    Optional<ThesisResult> most =
        debates.stream()
            .filter(t -> t.debate().orElseThrow().shift().mover().isPresent())
            .max(Comparator.comparingInt(t -> t.debate().orElseThrow().shift().largestGain()));
    if (most.isEmpty()) {
      return Optional.of(messages.get("results.moved-none"));
    }
    OptionShift mover = most.get().debate().orElseThrow().shift().mover().orElseThrow();
    return Optional.of(
        messages.get(
            "results.moved-most",
            results.episode() + "." + most.get().number(),
            MentionSafety.neutralise(mover.label()),
            mover.points()));
  }

  /** The listeners' counts: the after round once it is open, else the thesis's own. */
  private static List<OptionResult> listenerOptions(ThesisResult thesis) {
    return thesis
        .debate()
        .map(d -> d.round() == Round.AFTER ? d.after() : d.before())
        .map(RoundTally::options)
        .orElse(thesis.options());
  }

  private static String hosts(List<HostStance> stances) {
    List<String> named = new ArrayList<>();
    Map<String, Integer> unnamed = new LinkedHashMap<>();
    for (HostStance stance : stances) {
      String label = MentionSafety.neutralise(stance.label());
      if (stance.host().isPresent()) {
        named.add(MentionSafety.neutralise(stance.host().get()) + " " + label);
      } else {
        unnamed.merge(label, 1, Integer::sum);
      }
    }
    unnamed.forEach((label, n) -> named.add(n == 1 ? label : label + " (" + n + ")"));
    return String.join(", ", named);
  }

  private static String signed(int points) {
    return points > 0 ? "+" + points : String.valueOf(points);
  }
}
