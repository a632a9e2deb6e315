package io.pollcast.web;

import io.pollcast.domain.DebateResult;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.OptionShift;
import io.pollcast.domain.Round;
import io.pollcast.domain.ThesisResult;
import io.pollcast.text.DebateTexts;
import io.pollcast.text.Messages;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A debate thesis as the dashboard and the overlay show it: both rounds, each option's shift in
 * points among the members who voted in both, and the verdict in words. Counts only.
 *
 * @param round the round the thesis is in, {@code BEFORE} or {@code AFTER}
 * @param roundName that round in words, such as "Ronde: voor het luisteren"
 * @param before the round before listening
 * @param after the round after listening (no votes while the round before runs)
 * @param points each option's shift, signed ("+12", "-12", "0"), in option order
 * @param changes per option, where it started and how far it moved, for the overlay
 * @param verdict the shift in words: how many voted twice, the points, who moved the most minds or
 *     a dead heat; or that the round after is not open yet
 * @param decided whether both rounds are over, so the overlay shows before and after
 */
public record DebateView(
    String round,
    String roundName,
    RoundView before,
    RoundView after,
    List<String> points,
    List<String> changes,
    String verdict,
    boolean decided) {

  /** The debate view of a thesis; null for a thesis that is no debate. */
  static DebateView of(ThesisResult thesis, Messages web, DebateTexts words, Messages texts) {
    if (thesis.debate().isEmpty()) {
      return null;
    }
    DebateResult debate = thesis.debate().get();
    List<OptionResult> before = debate.before().options();
    List<String> points =
        before.stream().map(o -> signed(points(debate.shift().options(), o.label()))).toList();
    List<String> changes =
        IntStream.range(0, before.size())
            .mapToObj(i -> web.get("debate.change", before.get(i).percent(), points.get(i)))
            .toList();
    String verdict =
        debate.round() == Round.BEFORE
            ? texts.get("results.after-not-open")
            : words.shift(debate.shift());
    return new DebateView(
        debate.round().name(),
        web.get("round." + debate.round().name()),
        RoundView.of(debate.before().options()),
        RoundView.of(debate.after().options()),
        points,
        changes,
        verdict,
        debate.round() == Round.AFTER && !thesis.open());
  }

  private static int points(List<OptionShift> shifts, String label) {
    return shifts.stream()
        .filter(s -> s.label().equals(label))
        .mapToInt(OptionShift::points)
        .findFirst()
        .orElse(0);
  }

  private static String signed(int points) {
    return points > 0 ? "+" + points : String.valueOf(points);
  }

  /**
   * One round's counts.
   *
   * @param voters its votes in all
   * @param options the options with their votes and percent, in order
   */
  public record RoundView(int voters, List<OptionResult> options) {
    static RoundView of(List<OptionResult> options) {
      return new RoundView(options.stream().mapToInt(OptionResult::votes).sum(), options);
    }

    /** "62% (35)" for option {@code i}. */
    public String figure(int i) {
      OptionResult option = options.get(i);
      return option.percent() + "% (" + option.votes() + ")";
    }
  }
}
