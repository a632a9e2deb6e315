package io.pollcast.poll;

import io.pollcast.domain.PollInfo;
import java.time.Instant;
import java.util.List;

/**
 * A reminder, posted once per place, that an episode's polls close soon.
 *
 * @param episode the episode number
 * @param title the episode title
 * @param closesAt when the polls close
 * @param polls the polls there that close then
 */
public record Reminder(int episode, String title, Instant closesAt, List<PollInfo> polls) {
  public Reminder {
    polls = List.copyOf(polls);
  }
}
