package io.pollcast.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pollcast.command.VoteListener;
import io.pollcast.domain.Platform;
import io.pollcast.poll.PlatformCallListener;
import io.pollcast.storage.Database;
import io.pollcast.storage.VoteWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pollcast's metrics, in Prometheus' text format through Micrometer: votes acknowledged and refused
 * with the latency of their answer, calls to the platforms by kind and outcome with the waits their
 * rate limits imposed, polls open, announcements not yet delivered, the vote writer's batches and
 * their database time, and the JVM. Labels name platforms and outcomes only, never a voter or a
 * member. Thread-safe.
 */
public final class PollcastMetrics implements VoteListener, PlatformCallListener, AutoCloseable {
  private static final Duration LATENCY_MIN = Duration.ofMillis(1);
  private static final Duration LATENCY_MAX = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private JvmGcMetrics gc;

  /** Counts votes; nothing is read from the database until {@link #watch} is called. */
  public PollcastMetrics() {}

  @Override
  public void answered(Platform platform, String outcome, boolean acknowledged, long nanos) {
    String name = acknowledged ? "pollcast.votes.acknowledged" : "pollcast.votes.refused";
    Counter.builder(name)
        .description(
            acknowledged
                ? "Votes and withdrawals answered after their commit (or with nothing to store)"
                : "Votes and withdrawals refused or failed")
        .tag("platform", platform.id())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    if (acknowledged) {
      Timer.builder("pollcast.vote.acknowledgement")
          .description("From a click or /vote to its answer, once the vote is durable")
          .tag("platform", platform.id())
          .publishPercentileHistogram()
          .minimumExpectedValue(LATENCY_MIN)
          .maximumExpectedValue(LATENCY_MAX)
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void called(Platform platform, String call, String outcome) {
    Counter.builder("pollcast.platform.calls")
        .description(
            "Calls to a platform's API by kind of call and outcome (ok, rate_limited,"
                + " refused, server_error, network_error)")
        .tag("platform", platform.id())
        .tag("call", call)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public void rateLimited(Platform platform, String call, Duration wait) {
    Counter.builder("pollcast.platform.rate.limit.waits")
        .description("Calls a platform refused for its rate limit, to be made again after a wait")
        .tag("platform", platform.id())
        .tag("call", call)
        .register(registry)
        .increment();
    Counter.builder("pollcast.platform.rate.limit.wait.seconds")
        .description("The waits the platforms' rate limits asked for (Retry-After), in all")
        .tag("platform", platform.id())
        .tag("call", call)
        .register(registry)
        .increment(wait.toNanos() / (double) TimeUnit.SECONDS.toNanos(1));
  }

  /** Adds what the database knows: open polls, undelivered announcements, the vote batches. */
  public void watch(Database db) {
    Gauge.builder("pollcast.polls.open", db, d -> d.polls().countOpen())
        .description("Polls open now")
        .register(registry);
    Gauge.builder("pollcast.announcements.pending", db, d -> d.announcements().countUndelivered())
        .description("Results announcements not yet accepted by their platform")
        .register(registry);
    VoteWriter votes = db.votes();
    FunctionCounter.builder("pollcast.vote.batches", votes, v -> v.stats().batches())
        .description("Vote batches committed (group commit)")
        .register(registry);
    FunctionCounter.builder("pollcast.vote.batch.votes", votes, v -> v.stats().votes())
        .description("Votes in the committed batches")
        .register(registry);
    FunctionCounter.builder(
            "pollcast.vote.batch.database.seconds",
            votes,
            v -> v.stats().busyNanos() / (double) TimeUnit.SECONDS.toNanos(1))
        .description("Time the database spent on vote batches; divide by batches for the mean")
        .register(registry);
  }

  /** Adds the JVM's memory, garbage collection, threads, classes, CPU and uptime. */
  public synchronized void watchJvm() {
    if (gc != null) {
      return;
    }
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Everything, in Prometheus' text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
