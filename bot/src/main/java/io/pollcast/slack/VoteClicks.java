package io.pollcast.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.pollcast.command.CommandHandler;
import io.pollcast.command.VoteAnswer;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.text.Messages;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles every button click: acknowledges it at once, then on the adapter's executor records the
 * vote (or, for a withdraw button, withdraws it) and tells the voter privately which option counts
 * now, with a "Why?" button that opens {@link ReasonModals}' form. A click on anything that is not
 * a vote or withdraw button of a poll in that channel (forged, garbled, or left over from a deleted
 * poll) is answered with "this poll does not exist (any more)" and changes nothing. Slack's retries
 * of a click are acknowledged and otherwise ignored.
 */
final class VoteClicks {
  private static final Logger LOG = LoggerFactory.getLogger(VoteClicks.class);
  private final CommandHandler handler;
  private final Messages messages;
  private final PrivateReplies replies;
  private final RecentDeliveries deliveries;
  private final PendingClicks pending;
  private final Executor executor;
  private final ReasonModals reasons;

  /**
   * @param reasons opens the form of a click on a vote answer's "Why?" button
   */
  VoteClicks(
      CommandHandler handler,
      Messages messages,
      PrivateReplies replies,
      RecentDeliveries deliveries,
      PendingClicks pending,
      Executor executor,
      ReasonModals reasons) {
    this.reasons = reasons;
    this.handler = handler;
    this.messages = messages;
    this.replies = replies;
    this.deliveries = deliveries;
    this.pending = pending;
    this.executor = executor;
  }

  /** Routes every block action of the app here, so that no click goes unanswered. */
  void register(App app) {
    app.blockAction(Pattern.compile(".*"), this::click);
  }

  private Response click(BlockActionRequest request, ActionContext context) {
    BlockActionPayload payload = request.getPayload();
    if (deliveries.firstTime(payload.getTriggerId())) {
      pending.begin();
      executor.execute(() -> voteAnswering(payload));
    }
    return context.ack();
  }

  private void voteAnswering(BlockActionPayload payload) {
    CompletableFuture<Void> answered;
    try {
      answered = vote(payload);
    } catch (RuntimeException e) {
      LOG.error("A Slack click failed", e);
      answered = CompletableFuture.completedFuture(null);
      replies.toAction(payload.getResponseUrl(), messages.get("error.internal"));
    }
    var unused = answered.whenComplete((done, e) -> pending.end());
  }

  /** Records the vote; completes once the voter is answered. */
  private CompletableFuture<Void> vote(BlockActionPayload payload) {
    String responseUrl = payload.getResponseUrl();
    Place place = new Place(Platform.SLACK, channel(payload));
    Optional<BlockActionPayload.Action> action = payload.getActions().stream().findFirst();
    Optional<VoteButton> button =
        action.flatMap(a -> VoteButton.parse(a.getActionId(), a.getValue()));
    Optional<WithdrawButton> withdraw =
        action.flatMap(a -> WithdrawButton.parse(a.getActionId(), a.getValue()));
    Optional<WhyButton> why = action.flatMap(a -> WhyButton.parse(a.getActionId(), a.getValue()));
    Actor voter = voter(payload.getUser());
    CompletableFuture<VoteAnswer> reply;
    if (button.isPresent()) {
      reply = handler.voteClick(voter, place, button.get().pollId(), button.get().option());
    } else if (withdraw.isPresent()) {
      reply =
          handler
              .withdraw(voter, place, withdraw.get().pollId())
              .thenApply(text -> new VoteAnswer(text, OptionalLong.empty()));
    } else if (why.isPresent()) {
      reasons.open(payload, place.channel(), why.get());
      return CompletableFuture.completedFuture(null);
    } else {
      replies.toAction(responseUrl, messages.get("vote.unknown-poll"));
      return CompletableFuture.completedFuture(null);
    }
    return reply
        .thenAcceptAsync(answer -> answer(responseUrl, answer), executor)
        .exceptionally(
            e -> {
              LOG.warn("Could not answer a vote: {}", e.toString());
              return null;
            });
  }

  private void answer(String responseUrl, VoteAnswer answer) {
    if (answer.reasonPoll().isPresent()) {
      replies.toAction(
          responseUrl,
          answer.text(),
          messages.get("why.button"),
          new WhyButton(answer.reasonPoll().getAsLong()));
    } else {
      replies.toAction(responseUrl, answer.text());
    }
  }

  private static Actor voter(BlockActionPayload.User user) {
    return new Actor(
        Platform.SLACK, user.getId(), Optional.ofNullable(user.getUsername()).orElse(""), Set.of());
  }

  /** The channel of the message the button is on (Bolt's payload names it twice). */
  private static String channel(BlockActionPayload payload) {
    if (payload.getChannel() != null) {
      return payload.getChannel().getId();
    }
    return payload.getContainer() == null ? "" : payload.getContainer().getChannelId();
  }
}
