package io.pollcast.storage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by {@link KillNineTest}: opens the file database, casts votes as fast as it
 * can from several threads through its vote desk and prints "ACK poll voter option" for every vote
 * acknowledged durable, until it is killed.
 */
final class VoteBurstProcess {
  private VoteBurstProcess() {}

  public static void main(String[] args) throws Exception {
    Database db = Database.open(TestDatabases.file(Path.of(args[0])));
    long poll = Long.parseLong(args[1]);
    VoteDesk writer = db.votes();
    AtomicInteger next = new AtomicInteger();
    Runnable voter =
        () -> {
          while (true) {
            int id = next.incrementAndGet();
            int option = id % 2;
            CompletableFuture<VoteResult> result =
                writer.submit(VoteRequest.cast(poll, TestDatabases.voter(id), option));
            VoteResult done = result.join();
            if (done.status() == VoteResult.Status.COUNTED) {
              synchronized (System.out) {
                System.out.println("ACK " + poll + " " + id + " " + option);
                System.out.flush();
              }
            }
          }
        };
    for (int i = 0; i < 16; i++) {
      new Thread(voter, "voter-" + i).start();
    }
  }
}
