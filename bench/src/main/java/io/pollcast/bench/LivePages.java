package io.pollcast.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard pages of {@link DashboardBench}: HTTP clients that hold episode 68's live event
 * stream open. Votes are numbered in the order they were acknowledged; each page notes, for every
 * vote, how long after its acknowledgement the page received a tally that counts it.
 */
final class LivePages implements AutoCloseable {
  private static final Pattern VOTERS = Pattern.compile("\"voters\":(\\d+)");

  private final int votes;
  private final AtomicLongArray acked; // by rank of acknowledgement
  private final AtomicInteger ackRank = new AtomicInteger();
  private final Latencies shown;
  private final List<AtomicInteger> seen = new ArrayList<>();
  private final List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();

  private LivePages(int pages, int votes) {
    this.votes = votes;
    this.acked = new AtomicLongArray(votes + 1);
    this.shown = new Latencies(pages * votes);
  }

  /** Opens {@code pages} event streams at {@code base} with the link's {@code token}. */
  static LivePages open(int pages, int votes, String base, String token) {
    LivePages live = new LivePages(pages, votes);
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    for (int p = 0; p < pages; p++) {
      int page = p;
      AtomicInteger pageSeen = new AtomicInteger();
      live.seen.add(pageSeen);
      live.streams.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/dashboard/episodes/68/events"))
                  .header("Accept", "text/event-stream")
                  .header("Cookie", "pollcast_link=" + token)
                  .build(),
              HttpResponse.BodyHandlers.fromLineSubscriber(
                  new LineListener(line -> live.onLine(line, page, pageSeen)))));
    }
    return live;
  }

  /** Notes that the next vote was acknowledged now. */
  void acknowledged() {
    acked.set(ackRank.incrementAndGet(), System.nanoTime());
  }

  /** How many votes were acknowledged. */
  int acknowledgements() {
    return ackRank.get();
  }

  /** Whether every page received a tally that counts every vote. */
  boolean allShowEveryVote() {
    return seen.stream().allMatch(page -> page.get() >= votes);
  }

  /** From each vote's acknowledgement to each page receiving it, over all pages. */
  Latencies.Summary summary() {
    return shown.summary();
  }

  /** Notes, for each vote rank the latest tally counts, when this page first saw it. */
  private void onLine(String line, int page, AtomicInteger pageSeen) {
    if (!line.startsWith("data:")) {
      return;
    }
    long now = System.nanoTime();
    Matcher voters = VOTERS.matcher(line);
    if (!voters.find()) {
      return;
    }
    int total = Math.min(Integer.parseInt(voters.group(1)), votes);
    for (int rank = pageSeen.get() + 1; rank <= total; rank++) {
      long ack = acked.get(rank);
      // shown before its reply: 0
      shown.record(page * votes + rank - 1, ack == 0 || ack > now ? 0 : now - ack);
    }
    pageSeen.set(Math.max(pageSeen.get(), total));
  }

  @Override
  public void close() {
    streams.forEach(s -> s.cancel(true));
  }

  /** Hands each line of an event stream to a consumer. */
  private record LineListener(Consumer<String> lines) implements Flow.Subscriber<String> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      lines.accept(line);
    }

    @Override
    public void onError(Throwable error) {}

    @Override
    public void onComplete() {}
  }
}
