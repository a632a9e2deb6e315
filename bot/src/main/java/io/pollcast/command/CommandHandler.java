package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.VoteNotStoredException;
import io.pollcast.poll.PollService;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.poll.VoteIntake;
import io.pollcast.text.PrivacyTexts;
import io.pollcast.text.ReasonTexts;
import io.pollcast.text.TextRenderer;
import io.pollcast.text.VoteTexts;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a parsed command for an actor in a place and answers with the private reply text.
 * Every command of every platform passes here, so refusals and errors are worded the same
 * everywhere; the work of each group of commands is done by the collaborators this class routes to.
 * Once its {@link InteractionGate} is closed (the bot is stopping) every new command and click is
 * answered with a reply that says so, and nothing is done. May be called from many threads at once.
 */
public final class CommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
  private final PollService service;
  private final TextRenderer texts;
  private final VoteTexts voteTexts;
  private final PrivacyTexts privacyTexts;
  private final CommandParser parser = new CommandParser();
  private final InteractionGate gate;
  private final VoteCommands voting;
  private final ReasonCommands reasons;
  private final EpisodeCommands episodes;
  private final ImportCommands imports;
  private final LinkCommands links;

  /**
   * Builds the collaborators that carry out each group of commands from what it is given.
   *
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
    this.texts = texts;
    this.gate = gate;
    this.voteTexts = new VoteTexts(texts.messages());
    this.privacyTexts = new PrivacyTexts(texts);
    ShownPolls polls = new ShownPolls(service);
    this.voting = new VoteCommands(votes, polls, new VoteTiming(listener), voteTexts);
    this.reasons = new ReasonCommands(reasons, polls, new ReasonTexts(texts));
    this.episodes = new EpisodeCommands(service, texts);
    this.imports = new ImportCommands(service, texts);
    this.links = new LinkCommands(service, links, texts);
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
    return answered(() -> dispatch(actor, place, command));
  }

  /**
   * Records a click on an option button of a poll shown in {@code place}. A poll that is not shown
   * there (a stale or forged button) is answered as unknown and nothing changes. The future
   * completes with the voter's private reply once the vote is durable or refused.
   */
  public CompletableFuture<String> vote(Actor actor, Place place, long pollId, int option) {
    return gate.pass(
        () -> answerClick(actor, place, pollId, option).thenApply(VoteAnswer::text),
        this::stopping);
  }

  /**
   * As {@link #vote}, and says whether the member may now give a reason on the poll (their vote
   * counts), so that a platform can offer its "Why?" button with the answer.
   */
  public CompletableFuture<VoteAnswer> voteClick(
      Actor actor, Place place, long pollId, int option) {
    return gate.pass(
        () -> answerClick(actor, place, pollId, option),
        () -> new VoteAnswer(stopping(), OptionalLong.empty()));
  }

  /** The answer to a click, for {@link InteractionGate#pass}, which keeps it in hand till done. */
  private CompletableFuture<VoteAnswer> answerClick(
      Actor actor, Place place, long pollId, int option) {
    try {
      return voting
          .click(actor, place, pollId, option)
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
    return answered(
            () -> CompletableFuture.completedFuture(reasons.form(actor, place, pollId, text)))
        .join();
  }

  /**
   * Withdraws a vote from a poll's withdraw button; like {@link #vote}, only on a poll shown in
   * {@code place}.
   */
  public CompletableFuture<String> withdraw(Actor actor, Place place, long pollId) {
    return answered(() -> voting.withdraw(actor, place, pollId));
  }

  /** Imports show notes or a HOCON episode given as bytes (an upload or a pasted text). */
  public String importContent(Actor actor, byte[] content, String source) {
    return answered(
            () -> CompletableFuture.completedFuture(imports.content(actor, content, source)))
        .join();
  }

  /** The parser, for adapters that parse command text themselves. */
  public CommandParser parser() {
    return parser;
  }

  /**
   * Runs {@code work} through the gate, answering a refusal or an error, thrown or completing the
   * future, with its reply text.
   */
  private CompletableFuture<String> answered(Supplier<CompletableFuture<String>> work) {
    return gate.pass(
        () -> {
          try {
            return work.get().exceptionally(this::failure);
          } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
          }
        },
        this::stopping);
  }

  private CompletableFuture<String> dispatch(Actor actor, Place place, PollCommand command) {
    if (command instanceof PollCommand.Vote vote) {
      return voting.vote(actor, place, vote);
    }
    if (command instanceof PollCommand.Withdraw withdraw) {
      return voting.withdraw(actor, place, withdraw);
    }
    return CompletableFuture.completedFuture(answer(actor, place, command));
  }

  private String answer(Actor actor, Place place, PollCommand command) {
    if (command instanceof PollCommand.Episodes) {
      return episodes.episodes();
    } else if (command instanceof PollCommand.Start start) {
      return episodes.start(actor, place, start);
    } else if (command instanceof PollCommand.After after) {
      return episodes.after(actor, after);
    } else if (command instanceof PollCommand.Stance stance) {
      return episodes.stance(actor, stance);
    } else if (command instanceof PollCommand.Close close) {
      return episodes.close(actor, close);
    } else if (command instanceof PollCommand.Reopen reopen) {
      return episodes.reopen(actor, reopen);
    } else if (command instanceof PollCommand.Tally tally) {
      return episodes.tally(actor, tally);
    } else if (command instanceof PollCommand.Import file) {
      return imports.file(actor, place, file.file());
    } else if (command instanceof PollCommand.MyData) {
      return privacyTexts.myData(service.myData(actor));
    } else if (command instanceof PollCommand.ForgetMe) {
      return privacyTexts.forgotten(service.forgetMe(actor));
    } else if (command instanceof PollCommand.Why why) {
      return reasons.why(actor, place, why);
    } else if (command instanceof PollCommand.Reasons list) {
      return reasons.list(actor, list);
    } else if (command instanceof PollCommand.SetReason set) {
      return reasons.set(actor, set);
    } else if (command instanceof PollCommand.Dashboard) {
      return links.dashboard(actor, place);
    } else if (command instanceof PollCommand.Overlay overlay) {
      return links.overlay(actor, place, overlay);
    }
    return help(place);
  }

  /**
   * What can be typed where: votes and file imports are typed only in the console; Discord and
   * Slack have buttons and forms.
   */
  private String help(Place place) {
    boolean console = place.platform() == Platform.CONSOLE;
    return texts.messages().get(console ? "help.text" : "help.text.chat")
        + texts.messages().get(console ? "help.why" : "help.why.chat");
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
