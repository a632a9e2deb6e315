package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by {@link KillNineTest}: opens the database at the URL and user it is given,
 * casts votes as fast as it can from several threads through its vote writer and prints "ACK poll
 * voter option" for every vote acknowledged, until it is killed.
 */
final class VoteBurstProcess {
  private VoteBurstProcess() {}

  public static void main(String[] args) throws Exception {
    Database db = Database.open(new StorageConfig(args[0], args[1], "", 4));
    long poll = Long.parseLong(args[2]);
    VoteWriter writer = db.votes();
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
