package io.pollcast.cli;

import io.pollcast.config.PollcastConfig;
import io.pollcast.storage.Engine;
import java.util.Optional;

/** What {@code backup} and {@code restore} say on PostgreSQL, whose own tools do it better. */
final class PostgresqlBackups {
  static final String HOW =
      """
      Pollcast does not back up PostgreSQL itself: use PostgreSQL's own tools, which make a
      consistent copy while the bot runs.
        Back up:   pg_dump --format=custom --file=pollcast.dump "$DATABASE"
        Restore:   createdb pollcast_new
                   pg_restore --no-owner --dbname=pollcast_new pollcast.dump
      where $DATABASE is pollcast.storage.url without "jdbc:" (postgresql://host:5432/pollcast),
      with the password in PGPASSWORD. Back up the voter key separately and keep it apart.""";

  private PostgresqlBackups() {}

  /**
   * Says how to back up or restore with PostgreSQL's tools if the database is PostgreSQL, and
   * returns the exit code of that answer; empty on H2, where the command goes on.
   */
  static Optional<Integer> refuse(CliContext context, PollcastConfig settings) {
    if (Engine.of(settings.storage().url()) != Engine.POSTGRESQL) {
      return Optional.empty();
    }
    context.err().println(HOW);
    context.err().flush();
    return Optional.of(PollcastCli.BAD_INPUT);
  }
}
