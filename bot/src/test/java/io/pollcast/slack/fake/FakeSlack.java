package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.SlackConfig;
import io.pollcast.storage.Await;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A fake Slack on 127.0.0.1 for testing a bot with the real Bolt, end to end, without the network:
 * the Web API over HTTP and a Socket Mode WebSocket server, each on an ephemeral port.
 *
 * <p>Why: mocking Bolt's classes would test our idea of Bolt; speaking Slack's wire protocol tests
 * what Bolt really sends and accepts. The fake journals every Web API call ({@link #calls()}),
 * keeps what the bot posted ({@link #workspace()}), and lets a test act as users: run a slash
 * command, click a button, submit a modal, each as a Socket Mode envelope whose acknowledgement the
 * test can await ({@link Delivery}). For HTTP mode, {@link HttpModeRequests} signs the same
 * payloads.
 *
 * <p>Wiring a Bolt app to it: {@code Slack.getInstance(fake.slackConfig())} in its {@code
 * AppConfig}, {@link #BOT_TOKEN} as the bot token and {@link #APP_TOKEN} as the app token of a
 * {@code SocketModeApp} with the {@code JavaWebSocket} backend.
 *
 * <p>Thread-safe. Close the bot before the fake, or the bot logs reconnection attempts.
 */
public final class FakeSlack implements AutoCloseable {
  /** The only bot token the fake accepts. */
  public static final String BOT_TOKEN = "xoxb-test";

  /** The only app-level token the fake accepts (for {@code apps.connections.open}). */
  public static final String APP_TOKEN = "xapp-test";

  public static final String TEAM_ID = "T0POLLCAST";
  public static final String TEAM_DOMAIN = "pollcast-test";
  public static final String APP_ID = "A0POLLCAST";
  public static final String BOT_USER_ID = "U0POLLBOT";
  public static final String BOT_ID = "B0POLLBOT";

  /** The channel of slash commands that do not name one. */
  public static final String DEFAULT_CHANNEL = "C0POLLS";

  private final Workspace workspace = new Workspace();
  private final CallJournal calls = new CallJournal();
  private final SocketModeServer socketMode;
  private final WebApiServer http;
  private final InteractionPayloads payloads;
  private final RateLimits rateLimits = new RateLimits();

  private FakeSlack(SocketModeServer socketMode, WebApiServer http) {
    this.socketMode = socketMode;
    this.http = http;
    this.payloads = new InteractionPayloads(workspace, http.baseUrl());
    http.start(
        new WebApiMethods(workspace, socketMode::newConnectionUrl, http.baseUrl()),
        calls,
        workspace,
        rateLimits);
  }

  /** Starts both servers; they accept connections when this returns. */
  public static FakeSlack start() throws IOException {
    SocketModeServer socketMode = SocketModeServer.start();
    try {
      return new FakeSlack(socketMode, new WebApiServer());
    } catch (IOException | RuntimeException e) {
      socketMode.close();
      throw e;
    }
  }

  /** The Web API root, {@code http://127.0.0.1:<port>/api/}. */
  public String apiUrl() {
    return http.baseUrl() + "api/";
  }

  /**
   * A new {@link SlackConfig} whose Web API calls go to the fake.
   *
   * <p>Not strict: {@code setFailOnUnknownProperties(true)} breaks every call with this Gson
   * ("Failed to access fieldsData inside the GSON library").
   */
  public SlackConfig slackConfig() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl());
    return config;
  }

  /**
   * Refuses the next {@code times} calls of a Web API method with HTTP 429, {@code Retry-After: 1}
   * and {@code "error":"ratelimited"}, as Slack does when an app exceeds the method's rate limit.
   * The refused calls are journaled with that error.
   */
  public void rateLimit(String method, int times) {
    rateLimits.limit(method, times);
  }

  /**
   * Fails the next {@code times} calls of a Web API method with HTTP 500 and {@code
   * "error":"internal_error"}, as Slack does when it fails; the calls have no effect and are
   * journaled with that error.
   */
  public void failWithServerError(String method, int times) {
    rateLimits.fail(method, times);
  }

  /** Every Web API call received so far. */
  public CallJournal calls() {
    return calls;
  }

  /** The messages, modals, files and response-URL posts the bot produced. */
  public Workspace workspace() {
    return workspace;
  }

  /** Builds user-action payloads, for HTTP mode or hand-made envelopes. */
  public InteractionPayloads payloads() {
    return payloads;
  }

  /** {@code userId} runs {@code command} with {@code text} in {@link #DEFAULT_CHANNEL}. */
  public Delivery slashCommand(String userId, String command, String text) {
    return slashCommand(DEFAULT_CHANNEL, userId, command, text);
  }

  /** {@code userId} runs {@code command} with {@code text} in {@code channel}. */
  public Delivery slashCommand(String channel, String userId, String command, String text) {
    ObjectNode payload = Json.object();
    payloads.slashCommand(channel, userId, command, text).forEach(payload::put);
    return deliver("slash_commands", payload, true);
  }

  /**
   * {@code userId} clicks the button {@code actionId} of the message {@code messageTs}.
   *
   * @throws IllegalArgumentException if the fake holds no such message or button
   */
  public Delivery clickButton(
      String userId, String channel, String messageTs, String actionId, String value) {
    return deliver(
        "interactive", payloads.blockAction(userId, channel, messageTs, actionId, value), false);
  }

  /**
   * {@code userId} clicks the button {@code actionId} of a private answer the bot posted to a
   * {@code response_url} ({@code answer} is its body).
   */
  public Delivery clickEphemeralButton(
      String userId, String channel, JsonNode answer, String actionId) {
    return deliver(
        "interactive", payloads.ephemeralBlockAction(userId, channel, answer, actionId), false);
  }

  /**
   * {@code userId} submits the modal {@code viewId} with plain-text inputs (block id to action id
   * to value).
   */
  public Delivery viewSubmission(
      String userId, String viewId, Map<String, Map<String, String>> textInputs) {
    return viewSubmission(userId, viewId, InteractionPayloads.textInputs(textInputs));
  }

  /** {@code userId} submits the modal {@code viewId} with the given {@code state.values}. */
  public Delivery viewSubmission(String userId, String viewId, JsonNode stateValues) {
    return deliver("interactive", payloads.viewSubmission(userId, viewId, stateValues), true);
  }

  /**
   * Sends any payload in a new envelope to the newest Socket Mode connection, waiting for the bot
   * to connect if it has not yet.
   *
   * @param type {@code slash_commands}, {@code interactive} or {@code events_api}
   */
  public Delivery deliver(String type, JsonNode payload, boolean acceptsResponsePayload) {
    return Delivery.send(socketMode, type, payload, acceptsResponsePayload);
  }

  /** Waits until a Socket Mode client is connected. */
  public void awaitSocketModeConnection() {
    socketMode.newestConnection(Await.DEFAULT_TIMEOUT);
  }

  /** How many Socket Mode connections are open now. */
  public int openSocketModeConnections() {
    return socketMode.openConnections();
  }

  /** How many Socket Mode connections were ever opened. */
  public int socketModeConnectionsOpened() {
    return socketMode.connectionsOpened();
  }

  /** How many envelope acknowledgements arrived in all. */
  public int socketModeAckCount() {
    return socketMode.ackCount();
  }

  /** Client messages that were not acknowledgements. */
  public List<String> unexpectedSocketModeMessages() {
    return socketMode.otherMessages();
  }

  /**
   * Asks the bot's newest connection to reconnect, as Slack does before it recycles a server:
   * {@code {"type":"disconnect","reason":"refresh_requested"}}.
   */
  public void requestSocketModeRefresh() {
    ObjectNode disconnect =
        Json.object().put("type", "disconnect").put("reason", "refresh_requested");
    disconnect.putObject("debug_info").put("host", "fake-slack");
    socketMode.send(disconnect);
  }

  /**
   * Drops the bot's Socket Mode connections without a close frame, as a network failure does;
   * envelopes that were not acknowledged are sent again on the bot's next connection.
   */
  public void dropSocketModeConnections() {
    socketMode.dropAll();
  }

  /**
   * From now on, when a Socket Mode connection closes (refreshed or dropped), sends the envelopes
   * it did not acknowledge again on the bot's next connection, as Slack retries them. Off by
   * default, so that a test counting deliveries sees only the ones it made.
   */
  public void redeliverUnacknowledged() {
    socketMode.redeliverUnacknowledged(true);
  }

  /** How many envelopes were sent again because their connection closed before the ack. */
  public int socketModeRedeliveries() {
    return socketMode.redeliveries();
  }

  /** Stops both servers, dropping any open connection. */
  @Override
  public void close() {
    http.close();
    socketMode.close();
  }
}
