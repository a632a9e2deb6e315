package io.pollcast.feed;

import io.pollcast.config.Language;
import io.pollcast.text.ImportTexts;
import io.pollcast.text.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what a check of the feed found: each item with what becomes of it and, for the items it
 * imports, what {@code pollcast import} would print. Thread-safe.
 */
public final class FeedTexts {
  private final Messages messages;
  private final ImportTexts imports;

  public FeedTexts(Messages messages) {
    this.messages = messages;
    this.imports = new ImportTexts(messages);
  }

  /** The whole check, for the command line. */
  public String describe(FeedCheck check) {
    if (!check.modified()) {
      return messages.get("feed.not-modified");
    }
    List<String> lines = new ArrayList<>();
    lines.add(messages.get("feed.title", check.title(), String.valueOf(check.items().size())));
    for (FeedCheck.Item item : check.items()) {
      ItemPlan plan = item.plan();
      Language language = messages.language();
      lines.add(
          messages.get(
              "feed.item." + plan.outcome().name(),
              plan.episode().map(String::valueOf).orElse("?"),
              plan.item().title(),
              plan.problem().map(p -> p.message(language)).orElse("")));
      item.report()
          .ifPresent(report -> lines.add(imports.details(report).indent(2).stripTrailing()));
      item.refusal().ifPresent(refusal -> lines.add(messages.get("feed.refused", refusal)));
    }
    return String.join("\n", lines);
  }
}
