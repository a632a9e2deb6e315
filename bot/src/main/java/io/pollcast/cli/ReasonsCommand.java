package io.pollcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pollcast.domain.Reason;
import io.pollcast.domain.ReasonState;
import io.pollcast.domain.Thesis;
import io.pollcast.text.Messages;
import io.pollcast.text.VoteTexts;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pollcast reasons EPISODE}: the members' reasons per thesis, for the hosts preparing the
 * next episode: featured first, then the rest, newest first; hidden ones are left out. No names,
 * ids or times: nothing that tells who wrote what.
 */
@Command(
    name = "reasons",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the members' reasons per thesis of an episode: featured first, then the rest,"
          + " newest first. Hidden reasons are left out. Nothing tells who wrote a reason.",
      "Works while the bot runs."
    },
    footer = {"", "Examples:", "  pollcast reasons 68", "  pollcast reasons 68 --json"})
final class ReasonsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(paramLabel = "EPISODE", description = "The episode number.")
  private int episode;

  @Option(names = "--json", description = "Print JSON.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    String text =
        CoreSession.reading(
            config.load(context.env()),
            context,
            pollcast -> {
              Map<Thesis, List<Reason>> reasons = new LinkedHashMap<>();
              for (Thesis thesis : pollcast.service().theses(episode)) {
                reasons.put(thesis, ordered(pollcast.reasons().all(episode, thesis.number())));
              }
              return json ? json(reasons) : text(reasons, pollcast.texts().messages());
            });
    context.out().print(text.endsWith("\n") ? text : text + "\n");
    context.out().flush();
    return 0;
  }

  /** Featured first, then the shown ones, each newest first (as listed); no hidden ones. */
  static List<Reason> ordered(List<Reason> newestFirst) {
    return newestFirst.stream()
        .filter(r -> r.state() != ReasonState.HIDDEN)
        .sorted(Comparator.comparing((Reason r) -> r.state() != ReasonState.FEATURED))
        .toList();
  }

  private String text(Map<Thesis, List<Reason>> reasons, Messages messages) {
    List<String> lines = new ArrayList<>();
    reasons.forEach(
        (thesis, given) -> {
          lines.add(
              messages.get("poll.title", String.valueOf(episode), String.valueOf(thesis.number()))
                  + ": "
                  + AuditFormats.printable(thesis.text()));
          if (given.isEmpty()) {
            lines.add("  " + messages.get("cli.reasons.none"));
          }
          for (Reason reason : given) {
            String mark = reason.state() == ReasonState.FEATURED ? "  * " : "  - ";
            String round =
                reason.round().map(r -> " (" + VoteTexts.roundName(messages, r) + ")").orElse("");
            lines.add(
                mark + messages.get("reason.quote", AuditFormats.printable(reason.text())) + round);
          }
        });
    lines.add(messages.get("cli.reasons.legend"));
    return String.join("\n", lines);
  }

  private String json(Map<Thesis, List<Reason>> reasons) {
    List<Map<String, Object>> theses = new ArrayList<>();
    reasons.forEach(
        (thesis, given) -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("number", thesis.number());
          item.put("text", thesis.text());
          List<Map<String, Object>> list = new ArrayList<>();
          for (Reason reason : given) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", reason.shortId());
            row.put("featured", reason.state() == ReasonState.FEATURED);
            row.put(
                "round", reason.round().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null));
            row.put("text", reason.text());
            list.add(row);
          }
          item.put("reasons", list);
          theses.add(item);
        });
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("episode", episode);
    root.put("theses", theses);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
