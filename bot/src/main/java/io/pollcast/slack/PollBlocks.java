package io.pollcast.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.poll.Announcement;
import io.pollcast.poll.PollView;
import io.pollcast.poll.Reminder;
import io.pollcast.text.LifecycleTexts;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders polls and announcements as Block Kit, within Slack's limits: 50 blocks a message, 3000
 * characters of section text, 75 of button text. Texts from show notes are escaped ({@link
 * SlackText}) and shortened at a word boundary. Thread-safe.
 */
final class PollBlocks {
  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_BUTTON_TEXT = 75;

  /** What the thesis keeps of a section when the context is long; the context gets the rest. */
  private static final int MAX_THESIS_SHARE = 1500;

  /** Below this many characters a context is left out rather than shown as a stub. */
  private static final int MIN_CONTEXT = 40;

  private final TextRenderer texts;
  private final Messages messages;

  PollBlocks(TextRenderer texts) {
    this.texts = texts;
    this.messages = texts.messages();
  }

  /**
   * A poll message: the thesis, and while it is open one button per option; with counts when the
   * view has them (live results, or once closed, when the buttons give way to the final counts).
   */
  List<LayoutBlock> poll(PollView poll) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(thesis(poll)))));
    int total = poll.counts().map(c -> c.stream().mapToInt(Integer::intValue).sum()).orElse(0);
    if (poll.open()) {
      blocks.add(
          actions(
              a -> a.blockId(VoteButton.blockId(poll.info().pollId())).elements(buttons(poll))));
      if (poll.counts().isPresent() || poll.turnout().isPresent()) {
        int voters = poll.turnout().orElse(total);
        blocks.add(
            context(c -> c.elements(List.of(markdownText(messages.get("poll.votes", voters))))));
      }
    } else {
      blocks.add(section(s -> s.text(markdownText(finalCounts(poll)))));
      String footer = messages.get("poll.closed") + " · " + messages.get("poll.votes", total);
      blocks.add(context(c -> c.elements(List.of(markdownText(footer)))));
    }
    return blocks;
  }

  /** The message's fallback {@code text}, for notifications and clients without blocks. */
  String fallback(PollView poll) {
    return SlackText.mrkdwn(texts.pollTitle(poll) + ": " + poll.text(), MAX_SECTION_TEXT);
  }

  /**
   * The results announcement as one or more messages of at most {@value #MAX_BLOCKS} sections each:
   * an episode with very many theses needs more than one.
   */
  List<List<LayoutBlock>> announcement(EpisodeResults results) {
    return announcement(texts.announcement(results));
  }

  /** An announcement from the outbox: an update after a reopen says so first. */
  List<List<LayoutBlock>> announcement(Announcement announcement) {
    return announcement(new LifecycleTexts(texts).announcement(announcement));
  }

  private List<List<LayoutBlock>> announcement(String markdown) {
    List<String> sections = pack(markdown.split("\n\n"));
    List<List<LayoutBlock>> messagesOfBlocks = new ArrayList<>();
    for (int start = 0; start < sections.size(); start += MAX_BLOCKS) {
      List<LayoutBlock> blocks = new ArrayList<>();
      for (String text : sections.subList(start, Math.min(sections.size(), start + MAX_BLOCKS))) {
        blocks.add(section(s -> s.text(markdownText(text))));
      }
      messagesOfBlocks.add(blocks);
    }
    return messagesOfBlocks;
  }

  /** The reminder that an episode's polls close soon, as Slack mrkdwn. */
  String reminder(Reminder reminder) {
    return SlackText.fromMarkdown(new LifecycleTexts(texts).reminder(reminder), MAX_SECTION_TEXT);
  }

  /** The fallback {@code text} of an announcement: its title. */
  String announcementFallback(EpisodeResults results) {
    return SlackText.mrkdwn(
        messages.get("results.title", String.valueOf(results.episode()), results.title()),
        MAX_SECTION_TEXT);
  }

  /** Paragraphs of pollcast markdown as Slack sections, as few as fit in 3000 characters each. */
  private static List<String> pack(String[] paragraphs) {
    List<String> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String paragraph : paragraphs) {
      String text = SlackText.fromMarkdown(paragraph.strip(), MAX_SECTION_TEXT);
      if (text.isEmpty()) {
        continue;
      }
      if (current.length() > 0 && current.length() + 2 + text.length() > MAX_SECTION_TEXT) {
        sections.add(current.toString());
        current.setLength(0);
      }
      current.append(current.length() > 0 ? "\n\n" : "").append(text);
    }
    if (current.length() > 0) {
      sections.add(current.toString());
    }
    return sections;
  }

  private String thesis(PollView poll) {
    String title = "*" + SlackText.escape(texts.pollTitle(poll)) + "*";
    String closing =
        poll.open()
            ? poll.closesAt()
                .map(
                    at ->
                        "\n_"
                            + SlackText.escape(messages.get("poll.closes", texts.dateTime(at)))
                            + "_")
                .orElse("")
            : "";
    int room = MAX_SECTION_TEXT - title.length() - closing.length() - 1;
    String thesis = SlackText.mrkdwn(poll.text(), Math.min(room, MAX_THESIS_SHARE));
    room -= thesis.length() + 2;
    String context =
        poll.context().isBlank() || room < MIN_CONTEXT
            ? ""
            : "\n\n" + SlackText.mrkdwn(poll.context().strip(), room);
    return title + "\n" + thesis + context + closing;
  }

  private List<BlockElement> buttons(PollView poll) {
    List<BlockElement> buttons = new ArrayList<>();
    List<String> options = poll.info().options();
    for (int i = 0; i < options.size(); i++) {
      VoteButton vote = new VoteButton(poll.info().pollId(), i);
      String label = label(options.get(i), poll.counts().map(c -> c.get(vote.option())));
      buttons.add(
          button(b -> b.actionId(vote.actionId()).value(vote.value()).text(plainText(label))));
    }
    WithdrawButton withdraw = new WithdrawButton(poll.info().pollId());
    String label = SlackText.plain(messages.get("poll.withdraw"), MAX_BUTTON_TEXT);
    buttons.add(
        button(
            b ->
                b.actionId(WithdrawButton.ACTION_ID)
                    .value(withdraw.value())
                    .text(plainText(label))));
    return buttons;
  }

  private static String label(String option, Optional<Integer> count) {
    String suffix = count.map(n -> " · " + n).orElse("");
    return SlackText.plain(option, MAX_BUTTON_TEXT - suffix.length()) + suffix;
  }

  private String finalCounts(PollView poll) {
    List<String> options = poll.info().options();
    List<Integer> counts = poll.counts().orElse(List.of());
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < options.size(); i++) {
      int votes = i < counts.size() ? counts.get(i) : 0;
      text.append(text.length() > 0 ? "\n" : "")
          .append('*')
          .append(SlackText.escape(options.get(i)))
          .append("*: ")
          .append(messages.get("poll.votes", votes));
    }
    return text.toString();
  }
}
