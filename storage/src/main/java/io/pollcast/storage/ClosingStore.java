package io.pollcast.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Closing, reopening and reminding: every close queues its announcements in the outbox ({@link
 * AnnouncementStore}) in the same transaction, one per place, so that results are announced even if
 * the process dies right after the close. Thread-safe: every call takes its own handle.
 */
@RegisterRowMapper(PollMappers.PollMapper.class)
public interface ClosingStore extends SqlObject {

  /**
   * Closes every open poll of an episode and queues the announcements, in one transaction; returns
   * the polls it closed (none if they were closed already). Every vote answered before it is in the
   * results: a vote is answered only after its commit, and a close waits for a batch that holds its
   * polls.
   */
  @Transaction
  default List<PollRow> closeEpisode(int episode, Instant at) {
    List<PollRow> closed = getHandle().attach(PollStore.class).close(episode, at);
    queueAnnouncements(getHandle(), closed, at);
    return closed;
  }

  /** Whether an open poll's closing time is at or before {@code at}. */
  default boolean anyDue(Instant at) {
    return getHandle()
        .createQuery("SELECT COUNT(*) > 0 FROM poll WHERE state = 'OPEN' AND closes_at <= :at")
        .bind("at", Rows.utc(at))
        .mapTo(Boolean.class)
        .one();
  }

  /**
   * Closes every open poll whose closing time is at or before {@code at} and queues the
   * announcements, in one transaction; returns the polls it closed. Polls that another process is
   * closing at the same moment are skipped ({@code FOR UPDATE SKIP LOCKED}): each poll is closed,
   * and announced, by one process.
   */
  @Transaction
  default List<PollRow> closeDue(Instant at) {
    Handle handle = getHandle();
    List<PollRow> due =
        handle
            .createQuery(
                """
                SELECT * FROM poll WHERE state = 'OPEN' AND closes_at <= :at
                ORDER BY id FOR UPDATE SKIP LOCKED
                """)
            .bind("at", Rows.utc(at))
            .map(new PollMappers.PollMapper())
            .list();
    if (due.isEmpty()) {
      return due;
    }
    handle
        .createUpdate("UPDATE poll SET state = 'CLOSED', closed_at = :at WHERE id IN (<ids>)")
        .bind("at", Rows.utc(at))
        .bindList("ids", due.stream().map(PollRow::id).toList())
        .execute();
    List<PollRow> closed = due.stream().map(p -> p.closedAt(at)).toList();
    queueAnnouncements(handle, closed, at);
    return closed;
  }

  /**
   * Opens every closed poll of an episode again, with a new closing time (or none) and a fresh
   * reminder, and cancels its announcements that were not posted yet, in one transaction. Returns
   * the polls it reopened.
   */
  @Transaction
  default List<PollRow> reopen(int episode, Optional<Instant> closesAt) {
    Handle handle = getHandle();
    List<Long> ids =
        handle
            .createQuery(
                "SELECT id FROM poll WHERE episode_number = :e AND state = 'CLOSED' ORDER BY id"
                    + " FOR UPDATE")
            .bind("e", episode)
            .mapTo(Long.class)
            .list();
    if (ids.isEmpty()) {
      return List.of();
    }
    handle
        .createUpdate(
            """
            UPDATE poll SET state = 'OPEN', closed_at = NULL, closes_at = :closesAt,
                            reminded_at = NULL
            WHERE id IN (<ids>)
            """)
        .bind("closesAt", closesAt.map(Rows::utc).orElse(null))
        .bindList("ids", ids)
        .execute();
    handle
        .createUpdate(
            "UPDATE announcement SET state = 'CANCELLED' WHERE episode_number = :e"
                + " AND state = 'PENDING'")
        .bind("e", episode)
        .execute();
    return handle
        .createQuery("SELECT * FROM poll WHERE id IN (<ids>) ORDER BY id")
        .bindList("ids", ids)
        .map(new PollMappers.PollMapper())
        .list();
  }

  /**
   * Open polls that close within {@code before} after {@code now}, have had no reminder yet, and
   * were open for at least {@code before}: those that are due a reminder.
   */
  default List<PollRow> dueForReminder(Instant now, Duration before) {
    return getHandle()
        .createQuery(
            """
            SELECT * FROM poll
            WHERE state = 'OPEN' AND reminded_at IS NULL
              AND closes_at > :now AND closes_at <= :remindBy
            ORDER BY episode_number, platform, channel, id
            """)
        .bind("now", Rows.utc(now))
        .bind("remindBy", Rows.utc(now.plus(before)))
        .map(new PollMappers.PollMapper())
        .filter(poll -> !poll.openedAt().plus(before).isAfter(poll.closesAt().orElseThrow()))
        .list();
  }

  /** Notes the reminder of the given polls; returns how many had none yet. */
  default int markReminded(List<Long> pollIds, Instant at) {
    if (pollIds.isEmpty()) {
      return 0;
    }
    return getHandle()
        .createUpdate(
            "UPDATE poll SET reminded_at = :at WHERE id IN (<ids>) AND reminded_at IS NULL")
        .bind("at", Rows.utc(at))
        .bindList("ids", pollIds)
        .execute();
  }

  private static void queueAnnouncements(Handle handle, List<PollRow> closed, Instant at) {
    Map<List<Object>, List<PollRow>> byPlace = new LinkedHashMap<>();
    for (PollRow poll : closed) {
      byPlace
          .computeIfAbsent(
              List.of(poll.episodeNumber(), poll.platform(), poll.channel()),
              k -> new ArrayList<>())
          .add(poll);
    }
    for (List<PollRow> polls : byPlace.values()) {
      PollRow first = polls.get(0);
      boolean updated =
          handle
              .createQuery(
                  """
                  SELECT COUNT(*) > 0 FROM announcement
                  WHERE episode_number = :e AND platform = :platform AND channel = :channel
                    AND state <> 'CANCELLED'
                  """)
              .bind("e", first.episodeNumber())
              .bind("platform", first.platform())
              .bind("channel", first.channel())
              .mapTo(Boolean.class)
              .one();
      long id =
          handle
              .createUpdate(
                  """
                  INSERT INTO announcement (episode_number, platform, channel, updated, state,
                                            created_at, next_attempt_at)
                  VALUES (:e, :platform, :channel, :updated, 'PENDING', :at, :at)
                  """)
              .bind("e", first.episodeNumber())
              .bind("platform", first.platform())
              .bind("channel", first.channel())
              .bind("updated", updated)
              .bind("at", Rows.utc(at))
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
      var links =
          handle.prepareBatch(
              "INSERT INTO announcement_poll (announcement_id, poll_id) VALUES (:a, :p)");
      for (PollRow poll : polls) {
        links.bind("a", id).bind("p", poll.id()).add();
      }
      links.execute();
    }
  }
}
