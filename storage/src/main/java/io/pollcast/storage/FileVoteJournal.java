package io.pollcast.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vote journal in two files beside the H2 file ({@code pollcast.votes-0} and {@code
 * pollcast.votes-1} next to {@code pollcast.mv.db}), written in turns.
 *
 * <p>Each vote is one {@value #RECORD_BYTES}-byte record: its sequence number, poll id, voter
 * pseudonym and option (-1 to withdraw), and a CRC-32C of those. A batch of votes is one {@code
 * write}: once it returns, the votes survive the process being killed, as an H2 commit with {@code
 * WRITE_DELAY 0} does. Like H2's file, the journal is forced to the disk every {@value
 * #SYNC_MILLIS} ms on a thread of its own, so a power cut can take about the last second of both. A
 * record cut short or failing its CRC ends what is read of its file at start-up.
 *
 * <p>Once the file being written holds {@value #ROTATE_BYTES} bytes and every vote in the other is
 * in H2, the other is emptied and written next: the journal stays bounded under sustained voting.
 *
 * <p>Threading: {@link #append} and {@link #reset} from one thread at a time; the sync thread runs
 * alongside.
 */
final class FileVoteJournal implements VoteJournal {
  static final int RECORD_BYTES = 38;
  static final long ROTATE_BYTES = 8L << 20;
  static final int SYNC_MILLIS = 1_000;
  private static final int PAYLOAD_BYTES = RECORD_BYTES - Integer.BYTES;
  private static final Logger LOG = LoggerFactory.getLogger(FileVoteJournal.class);

  private final FileChannel[] files = new FileChannel[2];
  private final long[] lastSeq = new long[2];
  private final ScheduledExecutorService sync =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "pollcast-journal-sync");
            thread.setDaemon(true);
            return thread;
          });
  private ByteBuffer buffer = ByteBuffer.allocate(RECORD_BYTES * 1_024);
  private int current;
  private boolean broken;

  private FileVoteJournal(Path databaseFile) throws IOException {
    try {
      for (int i = 0; i < 2; i++) {
        files[i] =
            FileChannel.open(
                path(databaseFile, i),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
      }
    } catch (IOException e) {
      close();
      throw e;
    }
    var unused =
        sync.scheduleWithFixedDelay(this::force, SYNC_MILLIS, SYNC_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens an empty journal beside {@code databaseFile}, emptying what was there: read it with
   * {@link #recover} first.
   */
  static FileVoteJournal create(Path databaseFile) throws IOException {
    return new FileVoteJournal(databaseFile);
  }

  /** The votes journaled beside {@code databaseFile}, in order; empty when there is no journal. */
  static List<Entry> recover(Path databaseFile) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      entries.addAll(read(path(databaseFile, i)));
    }
    entries.sort(Comparator.comparingLong(Entry::seq));
    return entries;
  }

  static Path path(Path databaseFile, int index) {
    String name = databaseFile.getFileName().toString();
    String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - 6) : name;
    return databaseFile.resolveSibling(base + ".votes-" + index);
  }

  private static List<Entry> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    List<Entry> entries = new ArrayList<>();
    while (in.remaining() >= RECORD_BYTES) {
      int start = in.position();
      CRC32C crc = new CRC32C();
      crc.update(bytes, start, PAYLOAD_BYTES);
      long seq = in.getLong();
      long poll = in.getLong();
      long high = in.getLong();
      long low = in.getLong();
      short option = in.getShort();
      if (in.getInt() != (int) crc.getValue()) {
        in.position(start);
        break;
      }
      OptionalInt chosen = option < 0 ? OptionalInt.empty() : OptionalInt.of(option);
      entries.add(new Entry(seq, new VoteRequest(poll, new VoterId(high, low), chosen)));
    }
    if (in.hasRemaining()) {
      LOG.warn(
          "The vote journal {} ends in {} bytes that are not a whole record; they were never"
              + " acknowledged and are ignored",
          file,
          in.remaining());
    }
    return entries;
  }

  @Override
  public void append(List<Entry> entries, long appliedSeq) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    if (broken) {
      throw new IOException("The vote journal could not be mended after a failed write");
    }
    rotateIfDue(appliedSeq);
    ByteBuffer out = buffer(entries.size() * RECORD_BYTES);
    for (Entry entry : entries) {
      int start = out.position();
      VoteRequest request = entry.request();
      out.putLong(entry.seq())
          .putLong(request.pollId())
          .putLong(request.voter().high())
          .putLong(request.voter().low())
          .putShort((short) request.option().orElse(-1));
      CRC32C crc = new CRC32C();
      crc.update(out.array(), start, PAYLOAD_BYTES);
      out.putInt((int) crc.getValue());
    }
    out.flip();
    FileChannel file = files[current];
    long before = file.size();
    try {
      while (out.hasRemaining()) {
        file.write(out);
      }
    } catch (IOException e) {
      // a part of the batch would end what is read at start-up, and hide every later vote
      try {
        file.truncate(before);
      } catch (IOException again) {
        e.addSuppressed(again);
        broken = true;
      }
      throw e;
    }
    lastSeq[current] = entries.get(entries.size() - 1).seq();
  }

  private void rotateIfDue(long appliedSeq) throws IOException {
    int other = 1 - current;
    if (files[current].size() >= ROTATE_BYTES && lastSeq[other] <= appliedSeq) {
      files[other].truncate(0);
      lastSeq[other] = 0;
      current = other;
    }
  }

  private ByteBuffer buffer(int bytes) {
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocate(bytes);
    }
    buffer.clear();
    return buffer;
  }

  @Override
  public void reset() throws IOException {
    for (int i = 0; i < 2; i++) {
      files[i].truncate(0);
      lastSeq[i] = 0;
    }
  }

  private void force() {
    for (FileChannel file : files) {
      try {
        file.force(false);
      } catch (IOException e) {
        LOG.warn("Could not force the vote journal to the disk; the next run tries again", e);
      }
    }
  }

  @Override
  public void close() {
    // not shutdownNow(): interrupting a thread in force() would close the channels under it
    sync.shutdown();
    try {
      if (!sync.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("The vote journal's sync did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (FileChannel file : files) {
      if (file == null) {
        continue;
      }
      try {
        file.force(false);
        file.close();
      } catch (IOException e) {
        LOG.warn("Could not close the vote journal", e);
      }
    }
  }
}
