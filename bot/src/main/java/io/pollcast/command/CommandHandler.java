package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.VoteNotStoredException;
import io.pollcast.importer.EpisodeFileReader;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.poll.PollService;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.poll.VoteIntake;
import io.pollcast.poll.VoteReply;
import io.pollcast.privacy.AuditAction;
import io.pollcast.text.DebateTexts;
import io.pollcast.text.ImportTexts;
import io.pollcast.text.LifecycleTexts;
import io.pollcast.text.PrivacyTexts;
import io.pollcast.text.ReasonTexts;
import io.pollcast.text.TextRenderer;
import io.pollcast.text.VoteTexts;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a parsed command for an actor in a place and answers with the private reply text.
 * Every command of every platform passes here, so refusals and errors are worded the same
 * everywhere. Once its {@link InteractionGate} is closed (the bot is stopping) every new command
 * and click is answered with a reply that says so, and nothing is done. May be called from many
 * threads at once.
 */
public final class CommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
  private final PollService service;
  private final VoteIntake votes;
  private final ReasonDesk reasons;
  private final ReasonTexts reasonTexts;
  private final TextRenderer texts;
  private final VoteTexts voteTexts;
  private final LifecycleTexts lifecycleTexts;
  private final PrivacyTexts privacyTexts;
  private final DebateTexts debateTexts;
  private final CommandParser parser = new CommandParser();
  private final EpisodeFileReader reader = new EpisodeFileReader();
  private final InteractionGate gate;
  private final VoteTiming timing;
  private final WebLinks links;

  /**
   * @param votes where clicks and typed votes go
   * @param reasons where members' reasons go
   * @param gate closed when the bot stops
   * @param listener hears every vote's outcome and latency (metrics)
   * @param links makes the dashboard and overlay links
   */
  public CommandHandler(
      PollService service,
      VoteIntake votes,
      ReasonDesk reasons,
      TextRenderer texts,
      InteractionGate gate,
      VoteListener listener,
      WebLinks links) {
    this.service = service;
    this.votes = votes;
    this.reasons = reasons;
    this.reasonTexts = new ReasonTexts(texts);
    this.links = links;
    this.texts = texts;
    this.gate = gate;
    this.timing = new VoteTiming(listener);
    this.voteTexts = new VoteTexts(texts.messages());
    this.lifecycleTexts = new LifecycleTexts(texts);
    this.privacyTexts = new PrivacyTexts(texts);
    this.debateTexts = new DebateTexts(texts.messages());
  }

  /** Parses and carries out a typed line such as {@code /poll start 68}. */
  public CompletableFuture<String> handleLine(Actor actor, Place place, String line) {
    PollCommand command;
    try {
      command = parser.parse(line);
    } catch (RefusedException e) {
      return CompletableFuture.completedFuture(texts.refusal(e));
    }
    return handle(actor, place, command);
  }

  /** Carries out a command; the future completes with the reply for the actor alone. */
  public CompletableFuture<String> handle(Actor actor, Place place, PollCommand command) {
    return gate.pass(
        () -> {
          try {
            return dispatch(actor, place, command).exceptionally(this::failure);
          } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
          }
        },
        this::stopping);
  }

  /**
   * Records a click on an option button of a poll shown in {@code place}. A poll that is not shown
   * there (a stale or forged button) is answered as unknown and nothing changes. The future
   * completes with the voter's private reply once the vote is durable or refused.
   */
  public CompletableFuture<String> vote(Actor actor, Place place, long pollId, int option) {
    return gate.pass(
        () -> answer(actor, place, pollId, option).thenApply(VoteAnswer::text), this::stopping);
  }

  /**
   * As {@link #vote}, and says whether the member may now give a reason on the poll (their vote
   * counts), so that a platform can offer its "Why?" button with the answer.
   */
  public CompletableFuture<VoteAnswer> voteClick(
      Actor actor, Place place, long pollId, int option) {
    return gate.pass(
        () -> answer(actor, place, pollId, option),
        () -> new VoteAnswer(stopping(), OptionalLong.empty()));
  }

  /** The answer to a click, for {@link InteractionGate#pass}, which keeps it in hand till done. */
  private CompletableFuture<VoteAnswer> answer(Actor actor, Place place, long pollId, int option) {
    try {
      return timing
          .time(actor.platform(), () -> votes.vote(actor, place, pollId, option))
          .thenApply(
              reply ->
                  new VoteAnswer(
                      voteTexts.reply(reply),
                      reply.currentLabel().isPresent()
                          ? OptionalLong.of(pollId)
                          : OptionalLong.empty()))
          .exceptionally(error -> new VoteAnswer(failure(error), OptionalLong.empty()));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new VoteAnswer(failure(e), OptionalLong.empty()));
    }
  }

  /**
   * Gives, replaces or (with an empty or blank text) removes the member's reason on a poll shown in
   * {@code place}, as a platform's form submits it; completes with the private answer. Blocks on
   * the database: call it off the platform's event thread.
   */
  public String reason(Actor actor, Place place, long pollId, String text) {
    return gate.pass(
            () -> {
              try {
                return CompletableFuture.completedFuture(
                    reasonTexts.reply(
                        text.isBlank()
                            ? reasons.remove(actor, place, pollId)
                            : reasons.give(actor, place, pollId, text)));
              } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(failure(e));
              }
            },
            this::stopping)
        .join();
  }

  /**
   * Withdraws a vote from a poll's withdraw button; like {@link #vote}, only on a poll shown in
   * {@code place}.
   */
  public CompletableFuture<String> withdraw(Actor actor, Place place, long pollId) {
    return change(actor, () -> votes.withdraw(actor, place, pollId));
  }

  private CompletableFuture<String> change(
      Actor actor, Supplier<CompletableFuture<VoteReply>> change) {
    return gate.pass(
        () -> {
          try {
            return timing
                .time(actor.platform(), change)
                .thenApply(voteTexts::reply)
                .exceptionally(this::failure);
          } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
          }
        },
        this::stopping);
  }

  /** Imports show notes or a HOCON episode given as bytes (an upload or a pasted text). */
  public String importContent(Actor actor, byte[] content, String source) {
    return gate.pass(
            () -> CompletableFuture.completedFuture(importNow(actor, content, source)),
            this::stopping)
        .join();
  }

  private String importNow(Actor actor, byte[] content, String source) {
    if (!actor.isHost()) {
      return texts.messages().get("refused.host"); // before reading: others' uploads cost nothing
    }
    try {
      return texts.imported(service.importEpisode(actor, reader.read(content, source)));
    } catch (EpisodeFormatException e) {
      return texts.messages().get("import.failed", e.message(texts.messages().language()));
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  /** The parser, for adapters that parse command text themselves. */
  public CommandParser parser() {
    return parser;
  }

  private CompletableFuture<String> dispatch(Actor actor, Place place, PollCommand command) {
    if (command instanceof PollCommand.Vote vote) {
      return vote(actor, place, vote);
    }
    if (command instanceof PollCommand.Withdraw withdraw) {
      PollInfo poll = poll(place, withdraw.episode(), withdraw.thesis());
      return timing
          .time(actor.platform(), () -> votes.withdraw(actor, place, poll.pollId()))
          .thenApply(voteTexts::reply);
    }
    return CompletableFuture.completedFuture(answer(actor, place, command));
  }

  private String answer(Actor actor, Place place, PollCommand command) {
    if (command instanceof PollCommand.Episodes) {
      return texts.episodes(service.episodes());
    } else if (command instanceof PollCommand.Start start) {
      return texts.started(
          service.start(
              actor, place, start.episode(), start.closing(), start.debate(), start.after()));
    } else if (command instanceof PollCommand.After after) {
      return debateTexts.after(service.after(actor, after.episode()));
    } else if (command instanceof PollCommand.Stance stance) {
      String label = service.stance(actor, stance.episode(), stance.thesis(), stance.option());
      return debateTexts.stance(stance.episode() + "." + stance.thesis(), label);
    } else if (command instanceof PollCommand.Close close) {
      return texts.closed(service.close(actor, close.episode()));
    } else if (command instanceof PollCommand.Reopen reopen) {
      return lifecycleTexts.reopened(service.reopen(actor, reopen.episode(), reopen.closing()));
    } else if (command instanceof PollCommand.Tally tally) {
      return texts.tally(service.tally(actor, tally.episode()));
    } else if (command instanceof PollCommand.Import file) {
      return importFile(actor, place, file.file());
    } else if (command instanceof PollCommand.MyData) {
      return privacyTexts.myData(service.myData(actor));
    } else if (command instanceof PollCommand.ForgetMe) {
      return privacyTexts.forgotten(service.forgetMe(actor));
    } else if (command instanceof PollCommand.Why why) {
      long pollId = poll(place, why.episode(), why.thesis()).pollId();
      return reasonTexts.reply(
          why.reason().isPresent()
              ? reasons.give(actor, place, pollId, why.reason().get())
              : reasons.remove(actor, place, pollId));
    } else if (command instanceof PollCommand.Reasons list) {
      return reasonTexts.list(
          list.episode() + "." + list.thesis(), reasons.list(actor, list.episode(), list.thesis()));
    } else if (command instanceof PollCommand.SetReason set) {
      reasons.set(actor, set.episode(), set.thesis(), set.reason(), set.state());
      return reasonTexts.stateSet(set.episode() + "." + set.thesis(), set.reason(), set.state());
    } else if (command instanceof PollCommand.Dashboard) {
      return link(actor, place, OptionalInt.empty());
    } else if (command instanceof PollCommand.Overlay overlay) {
      service.theses(overlay.episode()); // refuses an unknown episode
      return link(actor, place, OptionalInt.of(overlay.episode()));
    }
    // votes and file imports are typed only in the console; Discord and Slack have buttons and
    // forms
    boolean console = place.platform() == Platform.CONSOLE;
    return texts.messages().get(console ? "help.text" : "help.text.chat")
        + texts.messages().get(console ? "help.why" : "help.why.chat");
  }

  /**
   * Imports a file on this machine: console only, since a host elsewhere must not be able to make
   * the bot read (and quote, in error messages) local files such as the voter key.
   */
  private String importFile(Actor actor, Place place, String file) {
    if (!actor.isHost()) {
      throw new RefusedException("refused.host");
    }
    if (place.platform() != Platform.CONSOLE) {
      throw new RefusedException("command.not-here");
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      return texts.messages().get("import.failed", "\"" + file + "\" is not a file name");
    }
    try {
      return new ImportTexts(texts.messages())
          .details(service.importEpisode(actor, reader.read(path)));
    } catch (EpisodeFormatException e) {
      return texts.messages().get("import.failed", e.message(texts.messages().language()));
    }
  }

  /** A dashboard link, or an overlay link for an episode; moderators and hosts only. */
  private String link(Actor actor, Place place, OptionalInt overlayEpisode) {
    if (!actor.canViewTallies()) {
      throw new RefusedException("refused.link");
    }
    Optional<WebLinks.Link> link =
        overlayEpisode.isPresent()
            ? links.overlay(overlayEpisode.getAsInt())
            : links.dashboard(actor, place);
    link.ifPresent(made -> audit(actor, overlayEpisode, made));
    return link.map(
            made ->
                texts
                    .messages()
                    .get(
                        overlayEpisode.isPresent() ? "link.overlay" : "link.dashboard",
                        made.url(),
                        texts.dateTime(made.expires())))
        .orElseGet(() -> texts.messages().get("link.off"));
  }

  /** Writes who was handed which link, their role and its expiry; never the token. */
  private void audit(Actor actor, OptionalInt overlayEpisode, WebLinks.Link link) {
    String role = actor.isHost() ? "host" : "moderator";
    String detail =
        overlayEpisode.isPresent()
            ? "overlay link (read-only) for " + role + ", valid until " + link.expires()
            : "dashboard link as " + role + ", valid until " + link.expires();
    service
        .audit()
        .record(
            actor,
            AuditAction.LINK,
            overlayEpisode.isPresent() ? Optional.of(overlayEpisode.getAsInt()) : Optional.empty(),
            detail);
  }

  private CompletableFuture<String> vote(Actor actor, Place place, PollCommand.Vote vote) {
    PollInfo poll = poll(place, vote.episode(), vote.thesis());
    OptionalInt option = optionIndex(poll, vote.option());
    if (option.isEmpty()) {
      throw new RefusedException(
          "vote.unknown-option",
          poll.reference(),
          vote.option(),
          String.join(", ", poll.options()));
    }
    return timing
        .time(actor.platform(), () -> votes.vote(actor, place, poll.pollId(), option.getAsInt()))
        .thenApply(voteTexts::reply);
  }

  private PollInfo poll(Place place, int episode, int thesis) {
    return service
        .pollIn(place, episode, thesis)
        .orElseThrow(
            () ->
                new RefusedException(
                    "vote.no-poll", episode + "." + thesis, String.valueOf(episode)));
  }

  /** An option by its label (ignoring case) or by its number from 1. */
  static OptionalInt optionIndex(PollInfo poll, String typed) {
    String wanted = typed.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < poll.options().size(); i++) {
      if (poll.options().get(i).toLowerCase(Locale.ROOT).equals(wanted)
          || String.valueOf(i + 1).equals(wanted)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private String stopping() {
    return texts.messages().get("shutdown.refused");
  }

  private String failure(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof RefusedException refused) {
      return texts.refusal(refused);
    }
    if (cause instanceof VoteNotStoredException) {
      return voteTexts.failed();
    }
    LOG.error("A command failed", cause);
    return texts.messages().get("error.internal");
  }
}
