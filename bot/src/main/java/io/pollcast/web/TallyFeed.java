package io.pollcast.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates of the open pages (Server-Sent Events, event {@code tally} with the {@link
 * TallyView} as JSON). Once every {@link #PERIOD} it reads the tally of each episode that a page
 * watches, once, and sends it to that episode's pages if it changed: a page gets at most one update
 * a second whatever the vote rate, and a vote from a second process or platform shows as well. A
 * comment every {@link #HEARTBEAT} keeps idle connections open through proxies.
 */
final class TallyFeed implements AutoCloseable {
  static final Duration PERIOD = Duration.ofSeconds(1);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final String EVENT = "tally";

  private static final Logger LOG = LoggerFactory.getLogger(TallyFeed.class);

  private final IntFunction<TallyView> tallies;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Set<SseClient>> watchers = new ConcurrentHashMap<>();
  private final Map<Integer, String> sent = new ConcurrentHashMap<>();
  private final Routines routines = new Routines("pollcast-web-feed", 1);
  private long ticks;

  /** Starts sending; {@code tallies} reads an episode's tally. */
  TallyFeed(IntFunction<TallyView> tallies) {
    this.tallies = tallies;
    routines.start(Routine.every("dashboard live updates", PERIOD, this::tick));
  }

  /** Sends {@code client} the episode's tally now and every change until it disconnects. */
  void watch(int episode, SseClient client) {
    Set<SseClient> clients = watchers.computeIfAbsent(episode, e -> ConcurrentHashMap.newKeySet());
    client.onClose(() -> clients.remove(client));
    client.keepAlive();
    String now = toJson(tallies.apply(episode));
    sent.putIfAbsent(episode, now);
    client.sendEvent(EVENT, now);
    clients.add(client);
  }

  /** Pages open now, for tests and the benchmark. */
  int watching() {
    return watchers.values().stream().mapToInt(Set::size).sum();
  }

  private void tick() {
    boolean heartbeat = ++ticks % (HEARTBEAT.toSeconds() / PERIOD.toSeconds()) == 0;
    watchers.forEach(
        (episode, clients) -> {
          if (clients.isEmpty()) {
            sent.remove(episode);
            return;
          }
          try {
            String now = toJson(tallies.apply(episode));
            boolean changed = !now.equals(sent.put(episode, now));
            for (SseClient client : clients) {
              if (changed) {
                client.sendEvent(EVENT, now);
              } else if (heartbeat) {
                client.sendComment("");
              }
            }
          } catch (RuntimeException e) {
            LOG.warn("Could not send the live tally of episode {}", episode, e);
          }
        });
  }

  private String toJson(TallyView view) {
    try {
      return json.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a tally as JSON", e);
    }
  }

  @Override
  public void close() {
    routines.close();
    watchers.values().forEach(clients -> clients.forEach(TallyFeed::end));
    watchers.clear();
  }

  private static void end(SseClient client) {
    try {
      if (!client.terminated()) {
        client.close();
      }
    } catch (RuntimeException e) {
      LOG.debug("An event stream was gone already", e);
    }
  }
}
