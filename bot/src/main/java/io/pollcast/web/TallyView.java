package io.pollcast.web;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.ThesisResult;
import io.pollcast.text.DebateTexts;
import io.pollcast.text.Messages;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An episode's tally as the dashboard, the overlay and their live updates show it: per thesis the
 * options with counts and percent, the counts per platform and, for a debate, both rounds and the
 * shift; the hosts' stance. Counts only; nothing about a voter.
 *
 * @param episode the episode number
 * @param title the episode title
 * @param theses the theses posted, by number
 * @param shape the theses and platforms shown, so that a page sees when it must be drawn anew
 */
public record TallyView(int episode, String title, List<Thesis> theses, String shape) {

  /**
   * The view of {@code results}, with the words of debates and stances.
   *
   * @param web the dashboard's texts
   * @param texts the chat's texts, whose debate sentences the page repeats
   */
  static TallyView of(EpisodeResults results, Messages web, Messages texts) {
    DebateTexts words = new DebateTexts(texts);
    List<Thesis> theses =
        results.theses().stream().map(t -> Thesis.of(t, web, words, texts)).toList();
    String shape =
        theses.stream()
            .map(
                t ->
                    t.number()
                        + ":"
                        + t.platforms().stream().map(PlatformCounts::platform).toList())
            .collect(Collectors.joining(";"));
    return new TallyView(results.episode(), results.title(), theses, shape);
  }

  /** Only thesis {@code number}, for an overlay that shows one. */
  TallyView only(int number) {
    return new TallyView(
        episode, title, theses.stream().filter(t -> t.number() == number).toList(), shape);
  }

  /**
   * One thesis.
   *
   * @param number its number
   * @param text the thesis
   * @param open whether it still takes votes
   * @param voters its votes in all
   * @param options the options, in order
   * @param platforms the counts per platform it was posted on, in option order
   * @param debate both rounds and the shift; null when the thesis is no debate
   * @param stance the hosts against the listeners in words; empty when no host took a stance
   */
  public record Thesis(
      int number,
      String text,
      boolean open,
      int voters,
      List<OptionResult> options,
      List<PlatformCounts> platforms,
      DebateView debate,
      String stance) {

    static Thesis of(ThesisResult result, Messages web, DebateTexts words, Messages texts) {
      List<PlatformCounts> platforms =
          result.byPlatform().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(e -> new PlatformCounts(e.getKey().id(), e.getValue()))
              .toList();
      return new Thesis(
          result.number(),
          result.text(),
          result.open(),
          result.voters(),
          result.options(),
          platforms,
          DebateView.of(result, web, words, texts),
          words.stances(result).orElse(""));
    }
  }

  /**
   * The votes of a thesis on one platform.
   *
   * @param platform the platform's id, as {@link Platform#id()}
   * @param counts votes per option, in option order
   */
  public record PlatformCounts(String platform, List<Integer> counts) {}
}
