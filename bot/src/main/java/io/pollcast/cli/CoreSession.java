package io.pollcast.cli;

import io.pollcast.Pollcast;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.VoterKeys;
import java.util.Map;

/**
 * Opens the core for a one-shot command and turns refusals into bad input: {@link #with} for a
 * command that writes (import), with the voter key; {@link #reading} for one that only reads
 * (episodes, tally, chart, audit), which never reads, creates or checks a key. Safe while the bot
 * runs on the same database: the default H2 URL lets a second process in through the running bot's
 * server.
 */
final class CoreSession {
  private CoreSession() {}

  interface Work<T> {
    T run(Pollcast pollcast) throws Exception;
  }

  static <T> T with(PollcastConfig config, CliContext context, Work<T> work) throws Exception {
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    try (Pollcast pollcast = Pollcast.open(config, key, context.clock(), Map.of())) {
      return run(pollcast, work);
    }
  }

  static <T> T reading(PollcastConfig config, CliContext context, Work<T> work) throws Exception {
    try (Pollcast pollcast = Pollcast.openForReading(config, context.clock())) {
      return run(pollcast, work);
    }
  }

  private static <T> T run(Pollcast pollcast, Work<T> work) throws Exception {
    try {
      return work.run(pollcast);
    } catch (RefusedException e) {
      throw new BadInputException(pollcast.texts().refusal(e));
    }
  }
}
