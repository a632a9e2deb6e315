package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.config.DiscordConfig;
import io.pollcast.poll.PlatformCallListener;
import io.pollcast.poll.PollPublisher;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Pollcast's connection to Discord, wired in three steps that never loop back:
 *
 * <pre>{@code
 * try (DiscordBot discord = DiscordBot.connect(config.discord(), token, texts);
 *     Pollcast pollcast = Pollcast.open(config, key, clock, Map.of(DISCORD, discord.publisher()));
 *     DiscordInteractions interactions = discord.listen(pollcast.handler())) {
 *   discord.onSessionEnded(stop);
 *   // ... until stopped
 * }
 * }</pre>
 *
 * {@link #connect} logs in with JDA and waits until the guilds are known; {@link #publisher()}
 * posts for the core; {@link #listen} registers {@code /poll} and starts answering interactions.
 * Closing in reverse order stops listening, closes the core, then disconnects.
 *
 * <p>The bot needs no privileged intent: every interaction carries its member's roles, and the
 * guilds' roles and channels come with the GUILDS intent JDA always asks for. It reaches Discord at
 * the configured REST and gateway URLs (a proxy or a test server may stand in).
 */
public final class DiscordBot implements AutoCloseable {
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private final DiscordShardSet shards;
  private final DiscordConfig config;
  private final TextRenderer texts;
  private final DiscordPublisher publisher;
  private final ShutdownWatch watch;

  private DiscordBot(
      DiscordShardSet shards, DiscordConfig config, TextRenderer texts, ShutdownWatch watch) {
    this.shards = shards;
    this.config = config;
    this.texts = texts;
    this.publisher = new DiscordPublisher(shards.channels(), texts);
    this.watch = watch;
  }

  /**
   * Logs in (every shard of {@code pollcast.discord.shards} this process runs) and waits until
   * Discord has sent the bot's guilds.
   *
   * @throws IllegalStateException if Discord refuses the token
   */
  public static DiscordBot connect(DiscordConfig config, String token, TextRenderer texts)
      throws InterruptedException {
    return connect(config, token, texts, PlatformCallListener.NONE);
  }

  /**
   * Logs in and waits until Discord has sent the bot's guilds; {@code calls} hears every REST call
   * and its outcome.
   *
   * @throws IllegalStateException if Discord refuses the token
   */
  public static DiscordBot connect(
      DiscordConfig config, String token, TextRenderer texts, PlatformCallListener calls)
      throws InterruptedException {
    ShutdownWatch watch = new ShutdownWatch();
    DiscordShardSet shards;
    try {
      shards =
          DiscordShardSet.login(
              config,
              token,
              new ConfiguredGateway(config.gatewayUrl().toString()),
              new RestConfig().setBaseUrl(config.restUrl().toString()),
              httpClient(calls),
              watch);
    } catch (InvalidTokenException e) {
      throw new IllegalStateException(
          "Discord refused DISCORD_TOKEN; copy the bot's token from the Developer Portal", e);
    }
    try {
      shards.awaitReady();
    } catch (InterruptedException | RuntimeException e) {
      shards.shutdownNow();
      throw e;
    }
    return new DiscordBot(shards, config, texts, watch);
  }

  /** An HTTP client as JDA makes its own (a small pool, 25 requests per host), metered. */
  private static OkHttpClient.Builder httpClient(PlatformCallListener calls) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(25);
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
        .dispatcher(dispatcher)
        .addInterceptor(new DiscordCallMeter(calls));
  }

  /** Posts polls and results for the core; blocks its callers, never JDA's threads. */
  public PollPublisher publisher() {
    return publisher;
  }

  /** Registers {@code /poll} with Discord and answers interactions with the handler. */
  public DiscordInteractions listen(CommandHandler handler) {
    return new DiscordInteractions(shards.all(), config, texts, handler);
  }

  /** Whether the gateway session is up; for readiness checks. */
  public boolean connected() {
    return shards.all().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
  }

  /** The bot's name on Discord. */
  public String name() {
    return shards.all().get(0).getSelfUser().getName();
  }

  /**
   * Has {@code stop} called (once, on a JDA thread) if Discord ends the session by itself, such as
   * for a revoked token; the caller then stops and calls {@link #checkSession()}.
   */
  public void onSessionEnded(Runnable stop) {
    watch.onEnd(stop);
  }

  /**
   * Throws if Discord ended the session by itself.
   *
   * @throws IllegalStateException naming Discord's close code
   */
  public void checkSession() {
    ShutdownEvent shutdown = watch.unexpected;
    if (shutdown != null) {
      CloseCode code = shutdown.getCloseCode();
      throw new IllegalStateException(
          "Discord ended the session"
              + (code == null ? "" : ": " + code.getCode() + " " + code.getMeaning()));
    }
  }

  /** Disconnects from Discord, waiting briefly for requests in flight. */
  @Override
  public void close() {
    watch.closing = true;
    shards.shutdown(SHUTDOWN_WAIT);
  }

  /** The texts only Discord uses, in the language of the shared texts. */
  static Messages discordTexts(TextRenderer texts) {
    return new Messages("io.pollcast.discord.discord", texts.messages().language());
  }

  /** Notices JDA shutting down by itself, rather than because the bot closes it. */
  private static final class ShutdownWatch implements EventListener {
    volatile boolean closing;
    volatile ShutdownEvent unexpected;
    private Runnable onEnd = () -> {};

    @Override
    public void onEvent(GenericEvent event) {
      if (event instanceof ShutdownEvent shutdown && !closing) {
        Runnable stop;
        synchronized (this) {
          unexpected = shutdown;
          stop = onEnd;
        }
        stop.run();
      }
    }

    /** Runs {@code stop} on an unexpected end, at once if it has ended already. */
    void onEnd(Runnable stop) {
      synchronized (this) {
        onEnd = stop;
        if (unexpected == null) {
          return;
        }
      }
      stop.run();
    }
  }

  /** Sends JDA to the configured gateway instead of the built-in one. */
  private static final class ConfiguredGateway extends ConcurrentSessionController {
    private final String url;

    ConfiguredGateway(String url) {
      this.url = url;
    }

    @Override
    public String getGateway() {
      return url;
    }
  }
}
