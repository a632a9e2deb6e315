package io.pollcast.text;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.Notice;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.ThesisDraft;
import io.pollcast.poll.ImportReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Says what an import read and did, so that a host can check the notes were read as meant: every
 * thesis with the first words of its context, the options, the closing, the warnings, and which
 * posted polls were edited. Thread-safe.
 */
public final class ImportTexts {
  private static final int CONTEXT_WORDS = 12;
  private final Messages messages;

  public ImportTexts(Messages messages) {
    this.messages = messages;
  }

  /** The whole report: for the command line and the console, where there is room. */
  public String details(ImportReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(headline(report));
    for (ThesisDraft thesis : report.theses()) {
      lines.add(
          messages.get(
              "import.thesis",
              String.valueOf(thesis.number()),
              MentionSafety.neutralise(thesis.text())));
      lines.add(
          thesis.context().isBlank()
              ? messages.get("import.no-context")
              : messages.get("import.context", MentionSafety.neutralise(firstWords(thesis))));
      if (!thesis.stances().isEmpty()) {
        lines.add(messages.get("import.stance", MentionSafety.neutralise(stances(thesis))));
      }
    }
    lines.add(
        messages.get(
            "import.options", MentionSafety.neutralise(String.join(" / ", report.options()))));
    lines.add(
        report
            .closing()
            .map(c -> messages.get("import.closing", closing(c)))
            .orElseGet(() -> messages.get("import.no-closing")));
    lines.addAll(notes(report));
    return String.join("\n", lines);
  }

  /** The headline, warnings and edits: for a chat reply, where every line counts. */
  public String summary(ImportReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(headline(report));
    lines.addAll(notes(report));
    return String.join("\n", lines);
  }

  private String headline(ImportReport report) {
    String key =
        report.dryRun() ? "import.dry-run" : report.created() ? "import.done" : "import.updated";
    return messages.get(
        key,
        String.valueOf(report.episode()),
        MentionSafety.neutralise(report.title()),
        report.theses().size());
  }

  private List<String> notes(ImportReport report) {
    List<String> lines = new ArrayList<>();
    for (Notice warning : report.warnings()) {
      String text = MentionSafety.neutralise(warning.text(messages.language()));
      lines.add(
          warning.line() > 0
              ? messages.get("import.warning", String.valueOf(warning.line()), text)
              : messages.get("import.warning-file", text));
    }
    if (!report.keptTheses().isEmpty()) {
      lines.add(messages.get("import.kept", join(report.keptTheses())));
    }
    String edited = report.dryRun() ? "import.would-edit" : "import.edited";
    byPlatform(report.edited()).forEach((p, t) -> lines.add(messages.get(edited, p, t)));
    byPlatform(report.notEdited())
        .forEach((p, t) -> lines.add(messages.get("import.not-edited", p, t)));
    return lines;
  }

  private static Map<String, String> byPlatform(List<PollInfo> polls) {
    return polls.stream()
        .collect(
            Collectors.groupingBy(
                p -> capitalised(p.place().platform().id()),
                TreeMap::new,
                Collectors.mapping(
                    p -> String.valueOf(p.thesis()),
                    Collectors.collectingAndThen(
                        Collectors.toCollection(java.util.TreeSet::new),
                        set -> String.join(", ", set)))));
  }

  /** "Eens", or "Anna: Eens, Bert: Oneens". */
  private static String stances(ThesisDraft thesis) {
    return thesis.stances().stream()
        .map(s -> s.host().map(host -> host + ": ").orElse("") + s.label())
        .collect(Collectors.joining(", "));
  }

  private static String firstWords(ThesisDraft thesis) {
    String[] words = thesis.context().strip().split("\\s+");
    if (words.length <= CONTEXT_WORDS) {
      return String.join(" ", words);
    }
    return String.join(" ", List.of(words).subList(0, CONTEXT_WORDS)) + " \u2026";
  }

  private static String closing(ClosingTime closing) {
    if (closing instanceof ClosingTime.After after) {
      Duration d = after.duration();
      if (d.toMinutes() % (24 * 60) == 0) {
        return d.toDays() + "d";
      }
      return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
    return ((ClosingTime.At) closing).dateTime().toString();
  }

  private static String capitalised(String id) {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  private static String join(List<Integer> numbers) {
    return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
