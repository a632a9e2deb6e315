package io.pollcast.cli;

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
}
