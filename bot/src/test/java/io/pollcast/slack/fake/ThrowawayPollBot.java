package io.pollcast.slack.fake;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.SocketModeClient.Backend;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A throwaway Bolt app, only as much of a poll bot as the fake's own tests need: {@code /poll start
 * <n>} posts a thesis with two vote buttons, a click answers privately and updates the buttons'
 * counts (once per user and message, so Slack's retries change nothing), {@code /poll results}
 * answers through the response URL, {@code /poll chart} uploads a PNG and {@code /poll suggest}
 * opens a modal. It records what its handlers saw so tests can check Bolt parsed the payloads.
 */
final class ThrowawayPollBot {
  static final String SIGNING_SECRET = "fake-signing-secret";

  final List<Throwable> errors = new CopyOnWriteArrayList<>();
  final AtomicInteger commandRuns = new AtomicInteger();
  final AtomicInteger voteRuns = new AtomicInteger();
  final List<String> retryNums = new CopyOnWriteArrayList<>();

  private final Map<String, String> votes = new ConcurrentHashMap<>();
  private final Slack slack;
  private final App app;
  private SocketModeApp socketMode;

  ThrowawayPollBot(FakeSlack fake) {
    slack = Slack.getInstance(fake.slackConfig());
    app =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(FakeSlack.BOT_TOKEN)
                .signingSecret(SIGNING_SECRET)
                .slack(slack)
                .build());
    app.command("/poll", this::poll);
    app.blockAction(Pattern.compile("vote_.+"), this::vote);
    app.viewSubmission("poll_suggest", this::suggest);
  }

  App app() {
    return app;
  }

  /**
   * Connects to the fake over Socket Mode with the Java-WebSocket backend; returns at once.
   *
   * @param concurrency threads that run Bolt for incoming envelopes; 0 runs each envelope on the
   *     client's single message-processor thread, one after the other
   */
  void startSocketMode(int concurrency) throws Exception {
    Function<SocketModeApp.ErrorContext, Response> recordError =
        context -> {
          errors.add(context.getException());
          return null;
        };
    Backend backend = Backend.JavaWebSocket;
    socketMode =
        concurrency > 0
            ? new SocketModeApp(FakeSlack.APP_TOKEN, app, backend, recordError, concurrency)
            : new SocketModeApp(FakeSlack.APP_TOKEN, app, backend, recordError);
    socketMode.startAsync();
  }

  /** A 4x4 PNG, the chart {@code /poll chart} uploads. */
  static byte[] chartPng() {
    try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
      ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response poll(SlashCommandRequest req, SlashCommandContext ctx)
      throws IOException, SlackApiException {
    commandRuns.incrementAndGet();
    String channel = req.getPayload().getChannelId();
    String[] words = req.getPayload().getText().split(" ", -1);
    switch (words[0]) {
      case "start" -> {
        String poll = words[1];
        ctx.client()
            .chatPostMessage(
                r -> r.channel(channel).text("Thesis of episode " + poll).blocks(pollBlocks(poll)));
        return ctx.ack("Poll " + poll + " started");
      }
      case "results" -> {
        ctx.respond("No votes yet for poll " + words[1]);
        return ctx.ack();
      }
      case "chart" -> {
        ctx.client()
            .filesUploadV2(
                r ->
                    r.channel(channel)
                        .filename("poll-" + words[1] + ".png")
                        .title("Poll " + words[1])
                        .fileData(chartPng()));
        return ctx.ack();
      }
      case "suggest" -> {
        ctx.client().viewsOpen(r -> r.triggerId(ctx.getTriggerId()).view(suggestModal()));
        return ctx.ack();
      }
      default -> {
        return ctx.ack("Unknown subcommand " + words[0]);
      }
    }
  }

  private Response vote(BlockActionRequest req, ActionContext ctx)
      throws IOException, SlackApiException {
    voteRuns.incrementAndGet();
    String retryNum = req.getHeaders().getFirstValue("X-Slack-Retry-Num");
    if (retryNum != null) {
      retryNums.add(retryNum);
    }
    String channel = req.getPayload().getChannel().getId();
    String ts = req.getPayload().getContainer().getMessageTs();
    String user = req.getPayload().getUser().getId();
    String[] value = req.getPayload().getActions().get(0).getValue().split(":", -1);
    if (votes.putIfAbsent(ts + "/" + user, value[1]) != null) {
      return ctx.ack();
    }
    ctx.client()
        .chatPostEphemeral(r -> r.channel(channel).user(user).text("You voted " + value[1]));
    ctx.client()
        .chatUpdate(r -> r.channel(channel).ts(ts).text("Thesis").blocks(pollBlocks(value[0], ts)));
    return ctx.ack();
  }

  private Response suggest(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String thesis =
        req.getPayload().getView().getState().getValues().get("thesis").get("text").getValue();
    if (thesis == null || thesis.isBlank()) {
      return ctx.ackWithErrors(Map.of("thesis", "Please write a thesis"));
    }
    return ctx.ack();
  }

  private List<LayoutBlock> pollBlocks(String poll) {
    return pollBlocks(poll, "");
  }

  /** The thesis and two buttons labelled with the counts so far on message {@code ts}. */
  private List<LayoutBlock> pollBlocks(String poll, String ts) {
    long agree = count(ts, "agree");
    long disagree = count(ts, "disagree");
    return asBlocks(
        section(s -> s.text(markdownText("*Episode " + poll + "*: remote work is here to stay"))),
        actions(
            a ->
                a.blockId("poll:" + poll)
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId("vote_agree")
                                        .text(plainText("Agree (" + agree + ")"))
                                        .value(poll + ":agree")),
                            button(
                                b ->
                                    b.actionId("vote_disagree")
                                        .text(plainText("Disagree (" + disagree + ")"))
                                        .value(poll + ":disagree"))))));
  }

  private long count(String ts, String option) {
    return votes.entrySet().stream()
        .filter(v -> v.getKey().startsWith(ts + "/") && v.getValue().equals(option))
        .count();
  }

  private static com.slack.api.model.view.View suggestModal() {
    return view(
        v ->
            v.type("modal")
                .callbackId("poll_suggest")
                .privateMetadata("episode=68")
                .title(viewTitle(t -> t.type("plain_text").text("Suggest a thesis")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .blocks(
                    asBlocks(
                        input(
                            i ->
                                i.blockId("thesis")
                                    .label(plainText("Thesis"))
                                    .element(plainTextInput(p -> p.actionId("text")))))));
  }

  /** Stops Socket Mode (if started) and the SDK client's threads. */
  void stop() throws Exception {
    if (socketMode != null) {
      SocketModeClient client = socketMode.getClient();
      socketMode.close();
      if (client != null) {
        client.close();
      }
    }
    slack.close();
  }
}
