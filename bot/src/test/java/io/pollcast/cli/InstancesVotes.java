package io.pollcast.cli;

import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Platform;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.storage.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the database of {@link Instances} holds of the votes acknowledged on Discord. */
final class InstancesVotes {
  private InstancesVotes() {}

  /** The acknowledged clicks whose vote is not stored with the acknowledged option. */
  static List<FailoverDrill.Click> missing(
      Instances instances, List<FailoverDrill.Click> acknowledged) {
    Pseudonymizer pseudonyms = new Pseudonymizer(TestSettings.key());
    try (Database db = open(instances)) {
      return db.jdbi()
          .withHandle(
              h -> {
                List<FailoverDrill.Click> missing = new ArrayList<>();
                for (FailoverDrill.Click click : acknowledged) {
                  long poll =
                      h.createQuery("SELECT id FROM poll WHERE message = :m")
                          .bind("m", click.poll().messageId())
                          .mapTo(Long.class)
                          .one();
                  Optional<Integer> stored =
                      h.createQuery("SELECT option_idx FROM vote WHERE poll_id = :p AND voter = :v")
                          .bind("p", poll)
                          .bind(
                              "v",
                              pseudonyms.voter(Platform.DISCORD, click.voter().id(), poll).bytes())
                          .mapTo(Integer.class)
                          .findOne();
                  if (!stored.equals(Optional.of(click.option()))) {
                    missing.add(click);
                  }
                }
                return missing;
              });
    }
  }

  /** The shared database, opened as the bots open it. */
  static Database open(Instances instances) {
    return Database.open(ConfigLoader.load(Optional.empty(), instances.env).storage());
  }
}
