package io.pollcast.feed;

import io.pollcast.config.FeedChannel;
import io.pollcast.config.FeedConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.feed.ItemPlan.Outcome;
import io.pollcast.poll.ImportReport;
import io.pollcast.poll.PollService;
import io.pollcast.storage.Database;
import io.pollcast.storage.FeedAction;
import io.pollcast.text.TextRenderer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the podcast's feed and imports its episodes as {@code pollcast import} would: an item whose
 * notes hold theses is imported when it is new and again when its notes changed (a re-import, with
 * the same rules: posted polls are edited, and a change of the options of a posted poll is
 * refused). Each episode is imported in one transaction or not at all.
 *
 * <p>When following ({@link #check()}), the newest item of the feed that is imported for the first
 * time also asks, in the same transaction as its record, for its polls to be posted in {@code
 * pollcast.feed.channels} (auto-start) or for the hosts to be told in {@code pollcast.feed.notify};
 * {@link FeedActions} carries that out once. Not thread-safe: one check at a time.
 */
public final class FeedFollower {
  /** Who imports and starts from the feed, as the audit log shows it. */
  public static final Actor FEED = new Actor(Platform.CONSOLE, "feed", "feed", Set.of(Role.HOST));

  private static final Logger LOG = LoggerFactory.getLogger(FeedFollower.class);
  private static final Set<Outcome> HOLDS_THESES =
      EnumSet.of(Outcome.NEW, Outcome.CHANGED, Outcome.UNCHANGED, Outcome.INVALID);

  /** What a check may change. */
  enum Mode {
    /** Stores nothing: says what importing would do. */
    PREVIEW,
    /** Imports what is new or changed, and asks for nothing. */
    IMPORT,
    /** Imports, and asks for the newest new episode to be started or announced. */
    FOLLOW
  }

  private final PollService service;
  private final Database db;
  private final FeedConfig config;
  private final TextRenderer texts;
  private final Clock clock;
  private final FeedFetcher fetcher;
  private final FeedReader reader = new FeedReader();
  private final FeedPlanner planner;
  private final FeedActions actions;

  public FeedFollower(
      URI url,
      PollService service,
      Database db,
      FeedConfig config,
      FeedActions actions,
      TextRenderer texts,
      Clock clock) {
    this.service = service;
    this.db = db;
    this.config = config;
    this.texts = texts;
    this.clock = clock;
    this.fetcher = new FeedFetcher(url);
    this.planner = new FeedPlanner(db.feed());
    this.actions = actions;
  }

  /** The feed's address. */
  public URI url() {
    return fetcher.url();
  }

  /**
   * Checks the feed as the running bot does: asks only for what changed since the last check,
   * imports, then carries out what new episodes ask for (also what an earlier check or process
   * could not).
   *
   * @throws FeedProblem if the feed cannot be read now; nothing was imported
   */
  public FeedCheck check() throws FeedProblem {
    Optional<FeedFetcher.Answer> answer = fetcher.fetch();
    FeedCheck check = FeedCheck.notModified();
    if (answer.isPresent()) {
      check = apply(answer.get().body(), Mode.FOLLOW);
      // only a feed that was read and imported whole is not asked for again
      fetcher.remember(answer.get());
    }
    actions.carryOut();
    return check;
  }

  /** Reads the whole feed and says what importing it would do; stores nothing. */
  public FeedCheck preview() throws FeedProblem {
    return apply(fetcher.fetch().orElseThrow().body(), Mode.PREVIEW);
  }

  /** Reads the whole feed and imports what is new or changed, once; starts and tells nothing. */
  public FeedCheck importOnce() throws FeedProblem {
    return apply(fetcher.fetch().orElseThrow().body(), Mode.IMPORT);
  }

  private FeedCheck apply(byte[] body, Mode mode) throws FeedProblem {
    FeedReader.Feed feed = reader.read(body);
    List<ItemPlan> plans = planner.plan(feed.items());
    // only the newest episode with theses may be started or announced: a first check of a feed
    // with years of episodes imports them all, and starts none of the old ones
    Optional<ItemPlan> newest =
        plans.stream()
            .filter(p -> HOLDS_THESES.contains(p.outcome()))
            .max(Comparator.comparing(p -> p.item().published().orElse(Instant.MIN)));
    List<FeedCheck.Item> items = new ArrayList<>();
    for (ItemPlan plan : plans) {
      if (!plan.imports()) {
        items.add(new FeedCheck.Item(plan, Optional.empty(), Optional.empty()));
        continue;
      }
      boolean asks =
          mode == Mode.FOLLOW && plan.outcome() == Outcome.NEW && newest.orElse(null) == plan;
      items.add(importItem(plan, mode, asks));
    }
    return new FeedCheck(true, feed.title(), items);
  }

  private FeedCheck.Item importItem(ItemPlan plan, Mode mode, boolean asks) {
    var draft = plan.draft().orElseThrow();
    ImportReport report;
    try {
      report =
          mode == Mode.PREVIEW
              ? service.previewImport(FEED, draft)
              : service.importEpisode(FEED, draft);
    } catch (RefusedException e) {
      return new FeedCheck.Item(plan, Optional.empty(), Optional.of(texts.refusal(e)));
    }
    if (mode != Mode.PREVIEW) {
      var at = clock.instant().atOffset(ZoneOffset.UTC);
      if (plan.outcome() == Outcome.NEW) {
        db.feed()
            .recordNew(
                draft.number(), plan.notesHash(), at, asks ? asks(draft.number()) : List.of());
      } else {
        db.feed().updateItem(draft.number(), plan.notesHash(), at);
      }
      LOG.info(
          "Episode {} {} from the feed with {} theses",
          draft.number(),
          plan.outcome() == Outcome.NEW ? "imported" : "updated",
          draft.theses().size());
    }
    return new FeedCheck.Item(plan, Optional.of(report), Optional.empty());
  }

  private List<FeedAction> asks(int episode) {
    String action = config.autoStart() ? FeedAction.START : FeedAction.NOTIFY;
    List<FeedChannel> channels = config.autoStart() ? config.channels() : config.notifyChannels();
    return channels.stream()
        .map(c -> new FeedAction(episode, action, c.platform(), c.channel()))
        .toList();
  }
}
