package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A fake of Discord on 127.0.0.1 that the real JDA connects to: a gateway WebSocket and a REST API,
 * both on ephemeral ports, serving one {@link FakeGuild}.
 *
 * <p>Tests act as the guild's members by pushing interactions ({@link #slashCommand}, {@link
 * #clickButton}) and observe what the bot did through the fake's records: interaction callbacks,
 * stored messages with their edits, and a journal of every REST request. The {@code await...}
 * methods wait on a {@link ChangeSignal} with a deadline, never by sleeping. Use {@link JdaHarness}
 * to connect a JDA. Thread-safe.
 *
 * <pre>{@code
 * FakeGuild guild = FakeGuild.builder().role("Host").member("hana", "Host").member("pat").build();
 * try (FakeDiscord discord = FakeDiscord.start(guild);
 *     JdaHarness bot = JdaHarness.connect(discord, EnumSet.noneOf(GatewayIntent.class), listener)) {
 *   FakeInteraction open =
 *       discord.slashCommand(guild.member("hana"), "poll", "open", Map.of("thesis", "Tabs win"));
 *   assertThat(discord.awaitReply(open, Duration.ofSeconds(5)).ephemeral()).isTrue();
 * }
 * }</pre>
 */
public final class FakeDiscord implements AutoCloseable {
  /** How long after an interaction Discord accepts its callback. */
  public static final Duration DISCORD_REPLY_DEADLINE = Duration.ofSeconds(3);

  private final FakeGuild guild;
  private final String botToken;
  private final ChangeSignal signal = new ChangeSignal();
  private final MessageStore messages;
  private final InteractionLedger interactions;
  private final InteractionPayloads payloads;
  private final FakeGateway gateway;
  private final FakeRestServer rest;
  private final DiscordRoutes routes;

  private FakeDiscord(FakeGuild guild, Duration replyDeadline) throws IOException {
    this.guild = guild;
    this.interactions = new InteractionLedger(replyDeadline);
    this.botToken =
        Base64.getEncoder()
                .withoutPadding()
                .encodeToString(guild.bot().id().getBytes(StandardCharsets.US_ASCII))
            + ".fake."
            + UUID.randomUUID();
    this.messages = new MessageStore(guild);
    this.payloads = new InteractionPayloads(guild);
    this.gateway = new FakeGateway(guild, signal);
    gateway.startAndAwait();
    try {
      this.rest = new FakeRestServer(signal, botToken);
    } catch (IOException | RuntimeException e) {
      stopGateway();
      throw e;
    }
    this.routes = new DiscordRoutes(guild, gateway.url(), messages, interactions);
    routes.install(rest);
  }

  /**
   * Starts a fake serving {@code guild} that, like Discord, refuses an interaction callback more
   * than {@link #DISCORD_REPLY_DEADLINE 3 s} after the interaction; close it to stop both servers.
   */
  public static FakeDiscord start(FakeGuild guild) throws IOException {
    return new FakeDiscord(guild, DISCORD_REPLY_DEADLINE);
  }

  /**
   * Starts a fake with another reply deadline, e.g. a longer one for load tests whose latency on a
   * busy build machine says nothing about the bot.
   */
  public static FakeDiscord start(FakeGuild guild, Duration replyDeadline) throws IOException {
    return new FakeDiscord(guild, replyDeadline);
  }

  /** The base URL for JDA's {@code RestConfig}: {@code http://127.0.0.1:P/api/v10/}. */
  public String restBaseUrl() {
    return rest.baseUrl();
  }

  /** The gateway URL for JDA's session controller: {@code ws://127.0.0.1:Q/}. */
  public String gatewayUrl() {
    return gateway.url();
  }

  /** The token the fake accepts as the bot's. */
  public String botToken() {
    return botToken;
  }

  public FakeGuild guild() {
    return guild;
  }

  /**
   * Pushes a slash command used by {@code member} in the guild's channel.
   *
   * @param subcommand the subcommand, or null for a command without subcommands
   * @param options option values by name: strings, integers, longs, booleans or doubles
   */
  public FakeInteraction slashCommand(
      FakeMember member, String command, String subcommand, Map<String, Object> options) {
    FakeInteraction interaction = newInteraction(FakeInteraction.Kind.SLASH_COMMAND, member, null);
    String commandId = routes.commandId(command).orElseGet(Snowflakes::next);
    gateway.dispatch(
        "INTERACTION_CREATE",
        payloads.slashCommand(
            interaction, command, commandId, Optional.ofNullable(subcommand), options));
    return interaction;
  }

  /**
   * Pushes a click by {@code member} on a button of a stored message.
   *
   * @throws IllegalArgumentException if the message does not exist or has no enabled button with
   *     that custom id, as a Discord client would not let anyone click it
   */
  public FakeInteraction clickButton(FakeMember member, String messageId, String customId) {
    return clickStale(member, existing(messageId), customId);
  }

  /**
   * Pushes a click on a button as a client still showing an older version of the message would,
   * e.g. one that has not yet seen the edit that disabled the buttons. The payload carries that
   * version of the message.
   *
   * @param asSeen the message as the member's client shows it (a snapshot taken earlier)
   * @throws IllegalArgumentException if the message no longer exists, or that version has no
   *     enabled button with that custom id
   */
  public FakeInteraction clickStale(FakeMember member, FakeMessage asSeen, String customId) {
    existing(asSeen.id());
    JsonNode button =
        asSeen
            .button(customId)
            .orElseThrow(
                () -> new IllegalArgumentException("No button " + customId + " on " + asSeen.id()));
    if (button.path("disabled").asBoolean(false)) {
      throw new IllegalArgumentException("Button " + customId + " is disabled on " + asSeen.id());
    }
    return pushClick(member, asSeen, customId);
  }

  /**
   * Pushes a click with any custom id on a stored message, as a tampered client or an old button
   * from another deployment might send it.
   */
  public FakeInteraction forgeClick(FakeMember member, String messageId, String customId) {
    return pushClick(member, existing(messageId), customId);
  }

  /**
   * Pushes the submission of a form (modal) by {@code member}, its text inputs holding {@code
   * values} by custom id.
   */
  public FakeInteraction submitModal(
      FakeMember member, String modalId, Map<String, String> values) {
    FakeInteraction interaction = newInteraction(FakeInteraction.Kind.MODAL_SUBMIT, member, null);
    gateway.dispatch("INTERACTION_CREATE", payloads.modalSubmit(interaction, modalId, values));
    return interaction;
  }

  /**
   * A file to attach to a slash command option: pass it as an option value. The fake serves its
   * content at the attachment's URL.
   */
  public FakeAttachment attachment(String fileName, byte[] content) {
    String id = Snowflakes.next();
    return new FakeAttachment(id, fileName, content, rest.serveFile(id, fileName, content));
  }

  private FakeInteraction pushClick(FakeMember member, FakeMessage message, String customId) {
    FakeInteraction interaction = newInteraction(FakeInteraction.Kind.BUTTON, member, message.id());
    gateway.dispatch("INTERACTION_CREATE", payloads.buttonClick(interaction, message, customId));
    return interaction;
  }

  private FakeMessage existing(String messageId) {
    return messages
        .get(messageId)
        .orElseThrow(() -> new IllegalArgumentException("No message " + messageId));
  }

  /** Waits for the bot's first callback to the interaction. */
  public InteractionCallback awaitReply(FakeInteraction interaction, Duration timeout) {
    return await(
        timeout,
        "a callback to " + interaction.kind() + " " + interaction.id(),
        () -> callbacksOf(interaction).stream().findFirst());
  }

  /**
   * Waits for what the member finally reads in answer to the interaction: the reply, or for a
   * deferred reply the original response once the bot has filled it in (for a button, the reply,
   * not the button's message). Follow-ups are not included.
   */
  public FakeMessage awaitAnswer(FakeInteraction interaction, Duration timeout) {
    return await(
        timeout,
        "the answer to " + interaction.kind() + " " + interaction.id(),
        () ->
            callbacksOf(interaction).stream()
                .filter(InteractionCallback::accepted)
                .findFirst()
                .flatMap(
                    callback ->
                        interactions
                            .originalMessageId(interaction.token())
                            .filter(id -> !interaction.messageId().equals(Optional.of(id)))
                            .filter(id -> !deferred(callback) || !messages.editsOf(id).isEmpty())
                            .flatMap(messages::get)));
  }

  private static boolean deferred(InteractionCallback callback) {
    return callback.type() == InteractionCallback.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE;
  }

  /** Every callback the bot made to the interaction, accepted or refused, in order. */
  public List<InteractionCallback> callbacksOf(FakeInteraction interaction) {
    return interactions.callbacksOf(interaction);
  }

  /** Every callback to any interaction, in order. */
  public List<InteractionCallback> callbacks() {
    return interactions.allCallbacks();
  }

  /**
   * The interaction's original response ({@code @original}): the reply or deferred reply to a
   * command, or the component's message; empty while there is none.
   */
  public Optional<FakeMessage> originalResponse(FakeInteraction interaction) {
    return interactions.originalMessageId(interaction.token()).flatMap(messages::get);
  }

  /** The messages everyone can see in the channel (not ephemeral, not deleted), oldest first. */
  public List<FakeMessage> messagesInChannel() {
    return messages.visibleIn(guild.channelId());
  }

  /** Waits for a visible message in the channel that satisfies {@code condition}. */
  public FakeMessage awaitMessageInChannel(
      Duration timeout, String description, Predicate<FakeMessage> condition) {
    return await(
        timeout,
        "a message in the channel: " + description,
        () -> messagesInChannel().stream().filter(condition).findFirst());
  }

  /** The stored message, ephemeral ones included, unless unknown or deleted. */
  public Optional<FakeMessage> message(String messageId) {
    return messages.get(messageId);
  }

  /** The message as it was after each of its edits, oldest first. */
  public List<FakeMessage> editsOf(String messageId) {
    return messages.editsOf(messageId);
  }

  /** Waits until the message has been edited {@code count} times and returns all its edits. */
  public List<FakeMessage> awaitEdits(String messageId, int count, Duration timeout) {
    return await(
        timeout,
        count + " edit(s) of message " + messageId,
        () -> Optional.of(editsOf(messageId)).filter(edits -> edits.size() >= count));
  }

  /** The commands the bot registered, as the fake echoed them back (with ids). */
  public List<ObjectNode> registeredCommands() {
    return routes.commands();
  }

  /** Every REST request the bot made, in the order the fake answered them. */
  public List<RecordedRequest> requests() {
    return rest.journal();
  }

  /** The REST requests no route of the fake handled; a healthy test expects none. */
  public List<RecordedRequest> unroutedRequests() {
    return requests().stream().filter(request -> !request.routed()).toList();
  }

  /** Waits for a request matching a method and path template; see {@link RecordedRequest}. */
  public RecordedRequest awaitRequest(String method, String pathTemplate, Duration timeout) {
    return await(
        timeout,
        method + " " + pathTemplate,
        () -> requests().stream().filter(r -> r.matches(method, pathTemplate)).findFirst());
  }

  /**
   * Waits until at least {@code count} requests match {@code filter} and returns all that do. A
   * request's effect (a stored message, an edit) shows before the request is journalled, so a test
   * that saw the effect waits here rather than reading {@link #requests()} at once.
   */
  public List<RecordedRequest> awaitRequests(
      Duration timeout, String description, Predicate<RecordedRequest> filter, int count) {
    return await(
        timeout,
        count + " requests: " + description,
        () -> {
          List<RecordedRequest> matching = requests().stream().filter(filter).toList();
          return matching.size() >= count ? Optional.of(matching) : Optional.empty();
        });
  }

  /**
   * Answers the next {@code times} REST requests matching a method and path template (see {@link
   * RecordedRequest#matches}) with an HTTP error such as 500, as Discord does when it fails; the
   * requests have no effect. JDA itself retries only 502, 503, 504 and 52x, so a 500 reaches the
   * bot.
   */
  public void failRequests(String method, String pathTemplate, int times, int status) {
    rest.faults().fail(method, pathTemplate, times, status);
  }

  /**
   * Refuses the next {@code times} matching REST requests with a rate limit (HTTP 429 with {@code
   * Retry-After}); JDA waits that long and sends the request again.
   */
  public void rateLimitRequests(
      String method, String pathTemplate, int times, int retryAfterSeconds) {
    rest.faults().rateLimit(method, pathTemplate, times, retryAfterSeconds);
  }

  /** Gateway messages from the bot that the fake did not handle. */
  public List<JsonNode> unhandledGatewayMessages() {
    return gateway.unhandled();
  }

  /**
   * Ends the gateway session as Discord does, with a close code: 4004 (authentication failed) makes
   * JDA shut down; most others make it reconnect.
   */
  public void closeGateway(int closeCode, String reason) {
    gateway.closeAll(closeCode, reason);
  }

  /**
   * Drops the gateway connection without a close frame, as a network failure does. The session
   * stays resumable: what is dispatched meanwhile (clicks, commands) waits for JDA's RESUME and is
   * replayed then, as Discord does.
   */
  public void dropGateway() {
    gateway.dropAll();
  }

  /** How many times the bot resumed its gateway session. */
  public int gatewayResumes() {
    return gateway.resumes();
  }

  /** How many times the bot identified on the gateway (started a new session). */
  public int gatewayIdentifies() {
    return gateway.identifies();
  }

  /**
   * How many gateway sessions have begun (clients identified) since the fake started; a second
   * process taking over the gateway makes one more.
   */
  public int identifications() {
    return gateway.identifies();
  }

  /** Whether a client has identified on the gateway and received READY and GUILD_CREATE. */
  public boolean identified() {
    return gateway.identified();
  }

  /**
   * Waits for any condition on the fake's state, re-checked whenever the fake records something.
   *
   * @throws AssertionError naming {@code description} on timeout
   */
  public <T> T await(Duration timeout, String description, Supplier<Optional<T>> probe) {
    return signal.await(timeout, description, probe);
  }

  private FakeInteraction newInteraction(
      FakeInteraction.Kind kind, FakeMember member, String messageId) {
    FakeInteraction interaction =
        new FakeInteraction(
            Snowflakes.next(),
            "fake-token-" + UUID.randomUUID(),
            kind,
            member,
            Optional.ofNullable(messageId),
            Instant.now());
    interactions.register(interaction);
    return interaction;
  }

  /** Stops the gateway (closing its connections) and the REST server. */
  @Override
  public void close() {
    try {
      stopGateway();
    } finally {
      rest.close();
    }
  }

  private void stopGateway() {
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
