package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.BallotKey;
import io.pollcast.storage.BallotReplay.PollInfo;
import io.pollcast.storage.JournalApplier.Accepted;
import io.pollcast.storage.VoteJournal.Entry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vote path: where votes are handed in. A batch of votes that arrived together is decided at
 * once (each vote's {@link VoteResult}), the votes that change something are written to the {@link
 * VoteJournal} in one write, and then every vote in the batch is acknowledged; a {@link
 * JournalApplier} stores the journaled votes in H2 behind, in large batches. Acknowledging after
 * the journal's write rather than after H2's commit keeps H2's pauses (its commits, the file's
 * upkeep) out of the voters' wait: in {@code pollcast bench} runs with a million votes, the 99th
 * percentile of acknowledgement latency at half the peak rate was 119 to 221 ms with
 * acknowledgement after the commit, and 8.8 to 13.1 ms in three runs with this desk.
 *
 * <p>The desk's thread reads almost nothing: a first vote is decided without a database read
 * ({@link StoredBallots}), other votes with a prepared lookup ({@link DeskReads}), and the polls'
 * state is kept until a change through {@link #settled}.
 *
 * <p>What keeps this exact:
 *
 * <ul>
 *   <li>A vote is decided over H2's committed votes overlaid with the journaled votes H2 does not
 *       have yet; the overlay is looked at first and an entry leaves it only after H2 committed it,
 *       so no vote is ever decided on a stale view. {@link BallotReplay} decides for both.
 *   <li>Reads wait for the votes acknowledged before them ({@link #awaitAcknowledgedVotes}): at
 *       rest that is two volatile reads. {@link Database} hooks it into every handle of its {@code
 *       Jdbi} and into {@link QuickReads}.
 *   <li>Closing and reopening polls run through {@link #settled}: with no vote being accepted, it
 *       waits until H2 has every acknowledged vote, so results include them and no vote is accepted
 *       on a poll that closed; it also drops the desk's copy of the polls' state.
 *   <li>The applier checks that each row it changes, and each poll, is as the desk saw it, and
 *       stores a batch that is not by reading first, with a warning.
 *   <li>The applier never refuses a journaled vote: a failed batch is tried again. At start-up
 *       {@link #open} applies what the journal holds before anything else reads.
 * </ul>
 *
 * <p>For a database another process serves there is no journal: votes are acknowledged after H2's
 * commit, as that process owns the file. The journal of a database in memory keeps nothing, as the
 * database keeps nothing across the process either.
 *
 * <p>Threading: {@link #submit} from any thread; one thread of its own decides and journals, the
 * applier's thread stores. Futures complete on the desk's thread (on the {@link VoteWriter}'s where
 * there is no journal): attach only quick callbacks.
 */
public final class VoteDesk implements AutoCloseable {
  static final int MAX_BATCH = 1_000;

  /** Journaled votes H2 may lag behind by; beyond it the desk waits, so the overlay is bounded. */
  static final int MAX_UNAPPLIED = 50_000;

  /** How long a read waits for acknowledged votes before it gives up with an error. */
  static final Duration READ_WAIT = Duration.ofSeconds(30);

  private static final int QUEUE_CAPACITY = 100_000;
  private static final int IDLE_MILLIS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(VoteDesk.class);

  private final Duration readWait;

  private final Jdbi jdbi;
  private final DeskReads reads;

  /**
   * Loaded with the first vote, or ahead of it once {@link #preload} asks, so that commands that
   * open the database and vote on nothing do not read every vote; the desk's thread only.
   */
  private StoredBallots storedBallots;

  private volatile boolean preloadAsked;
  private volatile boolean storedBallotsLoaded;

  /** Polls as the desk last read them; only with {@link #accepting} held, emptied by a change. */
  private final Map<Long, PollInfo> knownPolls = new HashMap<>();

  private final Optional<VoteJournal> journal;
  private final Optional<VoteWriter> direct;
  private final Optional<JournalApplier> applier;
  private final BlockingQueue<PendingVote> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final ReentrantLock accepting = new ReentrantLock();
  private final Map<BallotKey, Staged> unapplied = new ConcurrentHashMap<>();
  private final Object appliedChanged = new Object();
  private final Optional<Thread> thread;
  private volatile long journaled;
  private volatile long applied;
  private volatile int waiters;
  private volatile boolean closing;
  private long lastSeq;

  /** Whether the journal may hold votes; only with {@link #accepting} held. */
  private boolean journalHoldsVotes;

  private VoteDesk(Jdbi jdbi, Optional<VoteJournal> journal, Duration readWait) {
    this.jdbi = jdbi;
    this.readWait = readWait;
    this.reads = new DeskReads(jdbi);
    this.journal = journal;
    this.direct = journal.isPresent() ? Optional.empty() : Optional.of(new VoteWriter(jdbi));
    this.applier = journal.map(j -> new JournalApplier(jdbi, this::stored));
    this.thread = journal.map(j -> new Thread(this::run, "pollcast-vote-desk"));
    thread.ifPresent(Thread::start);
  }

  /** A desk that journals into {@code journal}; for tests of what a failing journal does. */
  static VoteDesk journalingInto(Jdbi jdbi, VoteJournal journal) {
    return new VoteDesk(jdbi, Optional.of(journal), READ_WAIT);
  }

  /**
   * Opens the desk for a database of the given kind. For a file, it first applies the votes its
   * journal holds (the process ended before H2 had them all), then starts an empty journal.
   *
   * @param jdbi a {@code Jdbi} whose handles do not wait for acknowledged votes
   * @param file the H2 file, for {@link EmbeddedH2#FILE}
   * @param readWait how long a read waits for acknowledged votes; {@link #READ_WAIT} but in tests
   */
  static VoteDesk open(Jdbi jdbi, EmbeddedH2 kind, Optional<Path> file, Duration readWait) {
    return switch (kind) {
      case ELSEWHERE -> new VoteDesk(jdbi, Optional.empty(), readWait);
      case MEMORY -> new VoteDesk(jdbi, Optional.of(VoteJournal.none()), readWait);
      case FILE -> {
        Path databaseFile = file.orElseThrow();
        try {
          apply(jdbi, FileVoteJournal.recover(databaseFile));
          yield new VoteDesk(jdbi, Optional.of(FileVoteJournal.create(databaseFile)), readWait);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot open the vote journal beside " + databaseFile, e);
        }
      }
    };
  }

  private static void apply(Jdbi jdbi, List<Entry> entries) {
    for (int from = 0; from < entries.size(); from += MAX_BATCH) {
      List<VoteRequest> requests =
          entries.subList(from, Math.min(entries.size(), from + MAX_BATCH)).stream()
              .map(Entry::request)
              .toList();
      var unused = jdbi.inTransaction(handle -> VoteBatch.apply(handle, requests));
    }
    if (!entries.isEmpty()) {
      LOG.info("Stored {} journaled votes the database did not have yet", entries.size());
    }
  }

  /**
   * Hands a vote in. The future completes once the vote is durable (journaled, or committed where
   * there is no journal) or refused, and fails with {@link VoteNotRecordedException} if it could
   * not be stored.
   */
  public CompletableFuture<VoteResult> submit(VoteRequest request) {
    if (direct.isPresent()) {
      return direct.get().submit(request);
    }
    return PendingVote.queue(request, queue, closing).result();
  }

  /**
   * Waits until H2 has every vote acknowledged before this call, so that what is read next includes
   * them. Immediate when none is outstanding.
   *
   * @throws IllegalStateException if they are not stored within {@link #READ_WAIT} (see the log);
   *     the votes stay in the journal
   */
  public void awaitAcknowledgedVotes() {
    long target = journaled;
    if (applied >= target) {
      return;
    }
    applier.ifPresent(JournalApplier::hurry);
    long deadline = System.nanoTime() + readWait.toNanos();
    synchronized (appliedChanged) {
      waiters++;
      try {
        while (applied < target) {
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            throw new IllegalStateException(
                "Votes acknowledged to voters are not in the database after "
                    + (readWait.toMillis() % 1000 == 0
                        ? readWait.toSeconds() + " s"
                        : readWait.toMillis() + " ms")
                    + "; the log says why. They are kept in the vote journal.");
          }
          appliedChanged.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for acknowledged votes", e);
      } finally {
        waiters--;
      }
    }
  }

  /**
   * Runs {@code change} while no vote is accepted, once H2 has every acknowledged vote; for changes
   * the votes must not cross, such as closing polls. Votes handed in meanwhile wait.
   */
  public <T> T settled(Supplier<T> change) {
    if (journal.isEmpty()) {
      return change.get();
    }
    accepting.lock();
    try {
      awaitAcknowledgedVotes();
      journal.get().reset();
      journalHoldsVotes = false;
      knownPolls.clear();
      return change.get();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty the vote journal", e);
    } finally {
      accepting.unlock();
    }
  }

  /** What was committed to H2 behind the desk so far. */
  public VoteWriter.Stats stats() {
    return direct.map(VoteWriter::stats).orElseGet(() -> applier.orElseThrow().stats());
  }

  private void run() {
    List<PendingVote> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        PendingVote first = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          preloadIfAsked();
          emptyJournalOnceStored();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        awaitRoom();
        accept(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        PendingVote.failAll(batch, e);
        return;
      } catch (RuntimeException | Error e) {
        // this thread must live on, or no vote is answered again
        LOG.error(
            "A batch of {} votes could not be taken; every voter in it is told", batch.size(), e);
        PendingVote.failAll(batch, e);
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * Has the desk load, while no vote is waiting, what it needs to decide first votes without a
   * database read, which it otherwise loads with the first vote: it reads every vote, about 2 to 3
   * s with a million stored, and the votes that arrive meanwhile wait. For a process that serves
   * voters; commands that open the database and vote on nothing do not ask. Returns at once.
   */
  public void preload() {
    preloadAsked = true;
  }

  /** Whether the desk has loaded what {@link #preload} asks for; for tests. */
  boolean preloaded() {
    return storedBallotsLoaded;
  }

  private void preloadIfAsked() {
    if (preloadAsked && storedBallots == null) {
      preloadAsked = false;
      try {
        loadStoredBallots();
      } catch (RuntimeException e) {
        LOG.warn("Could not load the stored ballots ahead; the first vote loads them", e);
      }
    }
  }

  private void loadStoredBallots() {
    storedBallots = StoredBallots.load(jdbi);
    storedBallotsLoaded = true;
  }

  /**
   * Once no vote arrived for {@value #IDLE_MILLIS} ms and H2 has every journaled one, empties the
   * journal: its pseudonyms stay on disk no longer than the votes keep coming.
   */
  private void emptyJournalOnceStored() {
    accepting.lock();
    try {
      if (journalHoldsVotes && applied >= journaled) {
        journal.orElseThrow().reset();
        journalHoldsVotes = false;
      }
    } catch (IOException e) {
      LOG.warn("Could not empty the vote journal; it is tried again", e);
    } finally {
      accepting.unlock();
    }
  }

  private void awaitRoom() throws InterruptedException {
    if (journaled - applied <= MAX_UNAPPLIED) {
      return;
    }
    synchronized (appliedChanged) {
      waiters++;
      try {
        while (journaled - applied > MAX_UNAPPLIED) {
          appliedChanged.wait(100);
        }
      } finally {
        waiters--;
      }
    }
  }

  private void accept(List<PendingVote> batch) {
    List<VoteRequest> requests = batch.stream().map(PendingVote::request).toList();
    List<VoteResult> results;
    accepting.lock();
    try {
      results = decide(requests);
      List<Accepted> accepted = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        if (results.get(i).status().changed()) {
          accepted.add(new Accepted(++lastSeq, requests.get(i), results.get(i)));
        }
      }
      try {
        journal
            .orElseThrow()
            .append(accepted.stream().map(a -> new Entry(a.seq(), a.request())).toList(), applied);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      journalHoldsVotes |= !accepted.isEmpty();
      stage(accepted);
    } finally {
      accepting.unlock();
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }

  /** Decides the requests over H2's committed votes overlaid with the unapplied ones. */
  private List<VoteResult> decide(List<VoteRequest> requests) {
    if (storedBallots == null) {
      loadStoredBallots();
    }
    Map<BallotKey, Integer> current = new HashMap<>();
    Map<Long, PollInfo> polls = new HashMap<>();
    Set<BallotKey> seen = new HashSet<>();
    for (VoteRequest request : requests) {
      BallotKey key = new BallotKey(request.pollId(), request.voter());
      if (seen.add(key)) {
        Staged staged = unapplied.get(key);
        int option;
        if (staged != null) {
          option = staged.option();
        } else if (storedBallots.mayHave(key)) {
          option = reads.vote(key).orElse(-1);
        } else {
          option = -1;
        }
        if (option >= 0) {
          current.put(key, option);
        }
      }
      knownPolls.computeIfAbsent(request.pollId(), id -> reads.poll(id).orElse(null));
      PollInfo poll = knownPolls.get(request.pollId());
      if (poll != null) {
        polls.put(poll.id(), poll);
      }
    }
    BallotReplay replay = new BallotReplay(polls, current);
    return requests.stream().map(replay::replay).toList();
  }

  private void stage(List<Accepted> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    for (Accepted vote : accepted) {
      unapplied.put(vote.key(), new Staged(vote.seq(), vote.result().current().orElse(-1)));
      if (vote.result().current().isPresent()) {
        storedBallots.add(vote.key());
      }
    }
    journaled = accepted.get(accepted.size() - 1).seq();
    applier.orElseThrow().apply(accepted);
  }

  /** On the applier's thread, in journal order, once H2 committed the batch. */
  private void stored(List<Accepted> batch) {
    for (Accepted vote : batch) {
      unapplied.computeIfPresent(
          vote.key(), (key, staged) -> staged.seq() <= vote.seq() ? null : staged);
    }
    applied = batch.get(batch.size() - 1).seq();
    if (waiters > 0) {
      synchronized (appliedChanged) {
        appliedChanged.notifyAll();
      }
    }
  }

  /**
   * Stops taking votes, journals and acknowledges those already handed in, lets the applier store
   * them all, then empties and closes the journal (it keeps what the applier could not store).
   */
  @Override
  public void close() {
    closing = true;
    thread.ifPresent(
        t -> {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    reads.close();
    direct.ifPresent(VoteWriter::close);
    applier.ifPresent(JournalApplier::close);
    PendingVote.refuseQueued(queue);
    journal.ifPresent(
        j -> {
          if (applied >= journaled) {
            try {
              j.reset();
            } catch (IOException e) {
              LOG.warn("Could not empty the vote journal; its votes are stored again at start", e);
            }
          }
          j.close();
        });
  }

  /** A journaled vote H2 may not have yet: its sequence number and option (-1: withdrawn). */
  private record Staged(long seq, int option) {}
}
