package io.pollcast.text;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.CloseReport;
import io.pollcast.poll.ImportReport;
import io.pollcast.poll.PollView;
import io.pollcast.poll.StartReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the service's results as plain text with light markdown that reads well in the console,
 * Discord and Slack alike. Platform adapters may render richer forms (embeds, blocks) but fall back
 * on these. Thread-safe.
 */
public final class TextRenderer {
  private static final int BAR_WIDTH = 20;
  private final Messages messages;
  private final DateTimeFormatter dateTimes;
  private final DebateTexts debates;

  public TextRenderer(Messages messages, ZoneId zone) {
    this.messages = messages;
    this.debates = new DebateTexts(messages);
    this.dateTimes =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(messages.language().locale())
            .withZone(zone);
  }

  /** The messages in use, for adapters that render their own forms. */
  public Messages messages() {
    return messages;
  }

  /** A point in time in the configured zone and language. */
  public String dateTime(Instant instant) {
    return dateTimes.format(instant);
  }

  /** The title line of a poll, e.g. "Stelling 68.1", with its round for a debate. */
  public String pollTitle(PollView poll) {
    String title =
        messages.get(
            "poll.title",
            String.valueOf(poll.info().episode()),
            String.valueOf(poll.info().thesis()));
    return poll.round()
        .map(
            round ->
                title
                    + " · "
                    + messages
                        .get("vote.in-round", VoteTexts.roundName(messages, round))
                        .replaceAll("\\.$", ""))
        .orElse(title);
  }

  /** A refusal, in words; what the user typed is quoted without its mentions. */
  public String refusal(RefusedException refused) {
    Object[] arguments =
        refused.arguments().stream()
            .map(a -> a instanceof String text ? MentionSafety.neutralise(text) : a)
            .toArray();
    return messages.get(refused.messageKey(), arguments);
  }

  /** The list of episodes. */
  public String episodes(List<EpisodeSummary> episodes) {
    if (episodes.isEmpty()) {
      return messages.get("episodes.none");
    }
    return episodes.stream()
        .map(
            e ->
                messages.get(
                    "episodes.line",
                    String.valueOf(e.number()),
                    MentionSafety.neutralise(e.title()),
                    e.theses(),
                    e.openPolls(),
                    e.closedPolls()))
        .collect(Collectors.joining("\n"));
  }

  /** What an import did, in short: for chat replies. */
  public String imported(ImportReport report) {
    return new ImportTexts(messages).summary(report);
  }

  /** What starting the polls did. */
  public String started(StartReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(
        report.posted().isEmpty()
            ? messages.get("start.nothing")
            : messages.get(
                "start.posted", String.valueOf(report.episode()), report.posted().size()));
    if (!report.posted().isEmpty()) {
      report.closesAt().ifPresent(at -> lines.add(messages.get("start.closes", dateTime(at))));
      if (report.debate()) {
        lines.add(messages.get("start.debate", String.valueOf(report.episode())));
        report.afterAt().ifPresent(at -> lines.add(messages.get("start.after-at", dateTime(at))));
      }
    }
    if (!report.alreadyOpen().isEmpty()) {
      lines.add(messages.get("start.already-open", join(report.alreadyOpen())));
    }
    if (!report.alreadyClosed().isEmpty()) {
      lines.add(messages.get("start.already-closed", join(report.alreadyClosed())));
    }
    return String.join("\n", lines);
  }

  /**
   * What closing did (the announcement itself goes to the channel): "announced" only once every
   * platform accepted the post, "will be announced" while it waits in the outbox.
   */
  public String closed(CloseReport report) {
    return messages.get(
        report.announced() ? "close.done" : "close.done-pending",
        String.valueOf(report.results().episode()),
        report.closedPolls());
  }

  /** The results announcement posted when an episode's polls close. */
  public String announcement(EpisodeResults results) {
    return results(
        messages.get("results.title", String.valueOf(results.episode()), results.title()), results);
  }

  /** The tally a moderator sees, open polls included. */
  public String tally(EpisodeResults results) {
    return results(
        messages.get("results.tally-title", String.valueOf(results.episode()), results.title()),
        results);
  }

  private String results(String title, EpisodeResults results) {
    StringBuilder text =
        new StringBuilder("**").append(MentionSafety.neutralise(title)).append("**\n");
    for (ThesisResult thesis : results.theses()) {
      text.append('\n').append(thesisBlock(results.episode(), thesis)).append('\n');
    }
    text.append('\n').append(overall(results));
    return MentionSafety.neutralise(text.toString().strip());
  }

  /** One thesis with a bar per option, its votes and, if posted in several places, the split. */
  public String thesisBlock(int episode, ThesisResult thesis) {
    StringBuilder text = new StringBuilder();
    text.append("**")
        .append(
            messages.get("poll.title", String.valueOf(episode), String.valueOf(thesis.number())))
        .append("**: ")
        .append(MentionSafety.neutralise(thesis.text()));
    if (thesis.open()) {
      text.append(' ').append(messages.get("results.open"));
    }
    if (thesis.debate().isPresent()) {
      text.append('\n').append(debates.rounds(thesis.debate().get(), TextRenderer::bars));
    } else {
      text.append(bars(thesis.options()));
    }
    text.append('\n').append(messages.get("results.voters", thesis.voters()));
    if (thesis.byPlatform().size() > 1) {
      text.append(" · ").append(messages.get("results.by-platform", split(thesis)));
    }
    debates.stances(thesis).ifPresent(line -> text.append('\n').append(line));
    if (!thesis.featured().isEmpty()) {
      text.append('\n').append(new ReasonTexts(this).featured(thesis.featured()));
    }
    return text.toString();
  }

  /** A line per option: a bar, the percentage and the votes. */
  private static String bars(List<OptionResult> options) {
    StringBuilder text = new StringBuilder();
    int labelWidth = options.stream().mapToInt(o -> o.label().length()).max().orElse(0);
    for (OptionResult option : options) {
      text.append("\n`")
          .append(pad(MentionSafety.neutralise(option.label()), labelWidth))
          .append(' ')
          .append(bar(option.percent()))
          .append(String.format(" %3d%%` %d", option.percent(), option.votes()));
    }
    return text.toString();
  }

  private String split(ThesisResult thesis) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Platform, List<Integer>> entry :
        new java.util.TreeMap<>(thesis.byPlatform()).entrySet()) {
      List<String> counts = new ArrayList<>();
      for (int i = 0; i < thesis.options().size(); i++) {
        counts.add(
            MentionSafety.neutralise(thesis.options().get(i).label())
                + " "
                + entry.getValue().get(i));
      }
      parts.add(entry.getKey().id() + " (" + String.join(", ", counts) + ")");
    }
    return String.join("; ", parts);
  }

  /** The closing summary of results: total votes, most agreed and most divided thesis. */
  public String overall(EpisodeResults results) {
    int votes = results.theses().stream().mapToInt(ThesisResult::voters).sum();
    if (votes == 0) {
      return messages.get("results.none");
    }
    List<String> lines = new ArrayList<>();
    lines.add(messages.get("results.overall", votes, results.theses().size()));
    debates.movedMost(results).ifPresent(lines::add);
    if (results.theses().stream().filter(t -> t.voters() > 0).count() < 2) {
      return String.join("\n", lines);
    }
    results.theses().stream()
        .filter(t -> t.voters() > 0)
        .max(java.util.Comparator.comparingInt((ThesisResult t) -> t.options().get(0).percent()))
        .ifPresent(
            t ->
                lines.add(
                    messages.get(
                        "results.most-agreed",
                        t.options().get(0).label(),
                        String.valueOf(t.number()),
                        t.options().get(0).percent())));
    results.theses().stream()
        .filter(t -> t.voters() > 0 && t.options().size() >= 2)
        .min(java.util.Comparator.comparingInt(TextRenderer::margin))
        .ifPresent(
            t ->
                lines.add(
                    messages.get(
                        "results.most-divided",
                        String.valueOf(t.number()),
                        t.options().stream()
                            .map(o -> o.label() + " " + o.percent() + "%")
                            .collect(Collectors.joining(" / ")))));
    return String.join("\n", lines);
  }

  private static int margin(ThesisResult thesis) {
    List<Integer> percents =
        thesis.options().stream()
            .map(OptionResult::percent)
            .sorted(java.util.Comparator.reverseOrder())
            .toList();
    return percents.get(0) - percents.get(1);
  }

  private static String bar(int percent) {
    int filled = Math.round(percent * BAR_WIDTH / 100f);
    return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String join(List<Integer> numbers) {
    return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
