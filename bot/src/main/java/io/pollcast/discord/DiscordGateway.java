package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.config.DiscordConfig;
import io.pollcast.poll.PlatformCallListener;
import io.pollcast.poll.PollPublisher;
import io.pollcast.routine.DaemonThreads;
import io.pollcast.routine.LeaseKeeper;
import io.pollcast.text.TextRenderer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord gateway session of this process, held only while this process holds the gateway lease
 * ({@link LeaseKeeper}): Discord must not see the same shards connected twice, so of several
 * processes sharing the database one is connected and the others stand by. When the lease is taken,
 * this connects and starts answering interactions; when it is lost, this disconnects. The
 * connecting and disconnecting run on a thread of its own, one step at a time.
 *
 * <p>{@link #publisher()} posts through whichever session is up, and says it is {@link
 * PollPublisher#available() unavailable} while none is, so that announcements and reminders for
 * Discord wait for the process that holds the gateway. Thread-safe.
 */
public final class DiscordGateway implements LeaseKeeper.Holder, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);

  private final DiscordConfig config;
  private final String token;
  private final TextRenderer texts;
  private final Runnable stop;
  private final ExecutorService worker;
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final PlatformCallListener calls;
  private volatile CommandHandler handler;
  private volatile DiscordBot bot;
  private volatile DiscordInteractions interactions;

  /**
   * A gateway that connects with {@code token} once it holds the lease; {@code stop} is called when
   * Discord ends the session by itself or refuses the token, and {@link #checkSession} then says
   * why.
   */
  public DiscordGateway(
      DiscordConfig config,
      String token,
      TextRenderer texts,
      PlatformCallListener calls,
      Runnable stop) {
    this.config = config;
    this.token = token;
    this.texts = texts;
    this.calls = calls;
    this.stop = stop;
    this.worker = Executors.newSingleThreadExecutor(DaemonThreads.named("discord-gateway"));
  }

  /**
   * Answers interactions with {@code handler} whenever the session is up; call before the lease.
   */
  public void answerWith(CommandHandler handler) {
    this.handler = handler;
  }

  /** Posts through the session that is up; unavailable while this process stands by. */
  public PollPublisher publisher() {
    return new GatewayPublisher(() -> bot);
  }

  @Override
  public void acquired() {
    onWorker(this::connect);
  }

  @Override
  public void lost() {
    onWorker(this::disconnect);
  }

  private void onWorker(Runnable step) {
    try {
      worker.execute(step);
    } catch (RejectedExecutionException e) {
      // closed: this process disconnects for good
    }
  }

  /**
   * Waits at most {@code timeout} for the first connection, if the lease was taken; returns the
   * bot's name on Discord once connected.
   *
   * @throws IllegalStateException if Discord refused the token
   */
  public java.util.Optional<String> awaitFirstConnection(Duration timeout)
      throws InterruptedException {
    try {
      firstAttempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      // the failure, if any, is kept for checkSession
    }
    checkSession();
    DiscordBot current = bot;
    return current == null ? java.util.Optional.empty() : java.util.Optional.of(current.name());
  }

  /** Whether the session is up in this process. */
  public boolean connected() {
    DiscordBot current = bot;
    return current != null && current.connected();
  }

  /**
   * Throws if Discord refused the token or ended the session by itself.
   *
   * @throws IllegalStateException saying which
   */
  public void checkSession() {
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    DiscordBot current = bot;
    if (current != null) {
      current.checkSession();
    }
  }

  private void connect() {
    if (bot != null) {
      return;
    }
    try {
      DiscordBot connected = DiscordBot.connect(config, token, texts, calls);
      connected.onSessionEnded(stop);
      interactions = connected.listen(handler);
      bot = connected;
      LOG.info("Connected to the Discord gateway as {}", connected.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Could not connect to Discord", e);
      failure.compareAndSet(null, e);
      stop.run();
    } finally {
      firstAttempt.complete(null);
    }
  }

  private void disconnect() {
    DiscordBot current = bot;
    if (current == null) {
      return;
    }
    bot = null;
    if (interactions != null) {
      interactions.close();
      interactions = null;
    }
    current.close();
    LOG.info("Disconnected from the Discord gateway; standing by");
  }

  /** Stops answering interactions and disconnects, waiting for it. */
  @Override
  public void close() {
    onWorker(this::disconnect);
    worker.shutdown();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
