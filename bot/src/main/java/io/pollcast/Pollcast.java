package io.pollcast;

import io.pollcast.command.CommandHandler;
import io.pollcast.config.PollcastConfig;
import io.pollcast.poll.Platform;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollService;
import io.pollcast.poll.Pseudonymizer;
import io.pollcast.storage.Database;
import io.pollcast.storage.VoteWriter;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root: builds the object graph with constructors, in the order start-up needs it
 * (database and migrations, vote writer, pseudonyms, poll service, command handler), and closes it
 * in reverse. Platform adapters are built around it by {@link BotRunner}.
 */
public final class Pollcast implements AutoCloseable {
  private final Database database;
  private final VoteWriter writer;
  private final PollService service;
  private final TextRenderer texts;
  private final CommandHandler handler;

  private Pollcast(Database database, VoteWriter writer, PollService service, TextRenderer texts) {
    this.database = database;
    this.writer = writer;
    this.service = service;
    this.texts = texts;
    this.handler = new CommandHandler(service, texts);
  }

  /**
   * Opens the database (migrating it) and wires the core.
   *
   * @param voterKey the secret key for voter pseudonyms
   * @param publishers one publisher per platform the bot posts on
   */
  public static Pollcast open(
      PollcastConfig config,
      byte[] voterKey,
      Clock clock,
      Map<Platform, PollPublisher> publishers) {
    Database database = Database.open(config.storage());
    VoteWriter writer = new VoteWriter(database.jdbi());
    PollService service =
        new PollService(
            database,
            writer,
            new Pseudonymizer(voterKey),
            config.polls(),
            config.timeZone(),
            clock,
            publishers);
    return new Pollcast(database, writer, service, texts(config));
  }

  /** The texts in the configured language and zone; needed by publishers before the core opens. */
  public static TextRenderer texts(PollcastConfig config) {
    return new TextRenderer(new Messages(config.language()), config.timeZone());
  }

  public Database database() {
    return database;
  }

  public PollService service() {
    return service;
  }

  public TextRenderer texts() {
    return texts;
  }

  public CommandHandler handler() {
    return handler;
  }

  /** What the vote writer committed so far; for measurements. */
  public VoteWriter.Stats voteStats() {
    return writer.stats();
  }

  @Override
  public void close() {
    service.close();
    writer.close();
    database.close();
  }
}
