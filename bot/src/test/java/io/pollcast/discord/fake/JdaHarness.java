package io.pollcast.discord.fake;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

/**
 * A real JDA connected to a {@link FakeDiscord}, for tests.
 *
 * <p>{@link #connect} builds JDA with {@code createLight}, points its REST base URL and its session
 * controller's gateway at the fake (plain JSON, no compression, no shutdown hook), waits for READY
 * and checks that the guild and its channel were set up, since JDA only logs an invalid
 * GUILD_CREATE. While connected it collects ERROR logs; {@link #close()} shuts JDA down and fails
 * if any were logged, so listener exceptions and failed requests do not pass unnoticed.
 */
public final class JdaHarness implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  private final JDA jda;
  private final FakeDiscord discord;
  private final ErrorLogCapture errors;

  private JdaHarness(JDA jda, FakeDiscord discord, ErrorLogCapture errors) {
    this.jda = jda;
    this.discord = discord;
    this.errors = errors;
  }

  /** Connects JDA with the given intents and event listeners. */
  public static JdaHarness connect(
      FakeDiscord discord, Collection<GatewayIntent> intents, Object... listeners) {
    return connect(discord, intents, builder -> builder.addEventListeners(listeners));
  }

  /**
   * Connects JDA with the given intents; {@code customizer} may adjust the builder (listeners,
   * caches) before JDA is built. With {@link GatewayIntent#GUILD_MEMBERS} every member of the fake
   * guild is cached, so that tests can look members and their roles up.
   */
  public static JdaHarness connect(
      FakeDiscord discord, Collection<GatewayIntent> intents, Consumer<JDABuilder> customizer) {
    ErrorLogCapture errors = ErrorLogCapture.attach();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    errors.onError(
        error -> ready.completeExceptionally(new AssertionError("JDA logged an error: " + error)));
    EventListener readyListener =
        event -> {
          if (event instanceof ReadyEvent) {
            ready.complete(null);
          }
        };
    JDABuilder builder =
        JDABuilder.createLight(discord.botToken(), intents)
            .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
            .setSessionController(new FakeGatewaySessionController(discord.gatewayUrl()))
            .setCompression(Compression.NONE)
            .setGatewayEncoding(GatewayEncoding.JSON)
            .setEnableShutdownHook(false)
            .addEventListeners(readyListener);
    if (intents.contains(GatewayIntent.GUILD_MEMBERS)) {
      builder.setMemberCachePolicy(MemberCachePolicy.ALL);
    }
    customizer.accept(builder);
    JDA jda = builder.build();
    JdaHarness harness = new JdaHarness(jda, discord, errors);
    try {
      ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      jda.removeEventListener(readyListener);
      errors.onError(error -> {});
      harness.verifyGuildSetUp();
      return harness;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw harness.abort(new AssertionError("Interrupted while JDA connected", e));
    } catch (ExecutionException e) {
      throw harness.abort(new AssertionError("JDA failed to connect", e.getCause()));
    } catch (TimeoutException e) {
      throw harness.abort(new AssertionError("JDA not ready within " + READY_TIMEOUT, e));
    } catch (AssertionError e) {
      throw harness.abort(e);
    }
  }

  public JDA jda() {
    return jda;
  }

  /** JDA's view of the fake guild. */
  public Guild guild() {
    Guild guild = jda.getGuildById(discord.guild().id());
    if (guild == null) {
      throw new AssertionError("JDA does not know guild " + discord.guild().id());
    }
    return guild;
  }

  /** JDA's view of the fake guild's text channel. */
  public TextChannel channel() {
    TextChannel channel = guild().getTextChannelById(discord.guild().channelId());
    if (channel == null) {
      throw new AssertionError("JDA does not know channel " + discord.guild().channelId());
    }
    return channel;
  }

  /** The ERROR logs since JDA started connecting. */
  public List<String> errors() {
    return errors.errors();
  }

  /**
   * Shuts JDA down gracefully ({@code shutdown()} then {@code awaitShutdown()}; {@code
   * shutdownNow()} would log an interrupted request) and fails if errors were logged.
   */
  @Override
  public void close() {
    try {
      shutdown();
    } finally {
      errors.detach();
    }
    if (!errors.errors().isEmpty()) {
      throw new AssertionError("JDA logged errors:\n" + String.join("\n", errors.errors()));
    }
  }

  private void verifyGuildSetUp() {
    String guildId = discord.guild().id();
    if (jda.getUnavailableGuilds().contains(guildId)) {
      throw new AssertionError("Guild " + guildId + " is unavailable: was GUILD_CREATE invalid?");
    }
    channel();
  }

  private AssertionError abort(AssertionError failure) {
    try {
      jda.shutdownNow();
    } finally {
      errors.detach();
    }
    return failure;
  }

  private void shutdown() {
    jda.shutdown();
    try {
      if (!jda.awaitShutdown(SHUTDOWN_TIMEOUT)) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jda.shutdownNow();
    }
  }

  /** Sends JDA to the fake's gateway instead of asking Discord for one. */
  private static final class FakeGatewaySessionController extends ConcurrentSessionController {
    private final String gatewayUrl;

    FakeGatewaySessionController(String gatewayUrl) {
      this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
      return gatewayUrl;
    }
  }
}
