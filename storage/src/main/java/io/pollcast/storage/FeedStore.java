package io.pollcast.storage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The episodes imported from the podcast's feed (with a hash of their notes) and what each new one
 * asks for per channel, kept until it is done.
 */
@RegisterConstructorMapper(FeedAction.class)
public interface FeedStore {

  /** The hash of the notes an episode was last imported from, if it came from the feed. */
  @SqlQuery("SELECT notes_hash FROM feed_item WHERE episode_number = :episode")
  Optional<String> notesHash(@Bind("episode") int episode);

  /**
   * Records an episode imported from the feed for the first time with what it asks for, in one
   * transaction.
   */
  @Transaction
  default void recordNew(int episode, String notesHash, OffsetDateTime at, List<FeedAction> asks) {
    insertItem(episode, notesHash, at);
    queue(asks);
  }

  /** Records that an episode was imported again from changed notes. */
  @SqlUpdate(
      "UPDATE feed_item SET notes_hash = :hash, imported_at = :at WHERE episode_number = :episode")
  int updateItem(
      @Bind("episode") int episode, @Bind("hash") String notesHash, @Bind("at") OffsetDateTime at);

  /** What the feed's episodes ask for and is not done yet, oldest episode first. */
  @SqlQuery(
      "SELECT episode_number, action, platform, channel FROM feed_action WHERE done_at IS NULL"
          + " ORDER BY episode_number, action, platform, channel")
  List<FeedAction> pending();

  /** Marks an action done; returns 0 if it was done already. */
  @SqlUpdate(
      "UPDATE feed_action SET done_at = :at WHERE episode_number = :a.episodeNumber"
          + " AND action = :a.action AND platform = :a.platform AND channel = :a.channel"
          + " AND done_at IS NULL")
  int done(@BindMethods("a") FeedAction action, @Bind("at") OffsetDateTime at);

  @SqlUpdate(
      "INSERT INTO feed_item (episode_number, notes_hash, imported_at)"
          + " VALUES (:episode, :hash, :at)")
  void insertItem(
      @Bind("episode") int episode, @Bind("hash") String notesHash, @Bind("at") OffsetDateTime at);

  @SqlBatch(
      "INSERT INTO feed_action (episode_number, action, platform, channel)"
          + " VALUES (:episodeNumber, :action, :platform, :channel)")
  void queue(@BindMethods List<FeedAction> actions);
}
