package io.pollcast.domain;

import java.util.List;

/**
 * What never changes about a poll once it is open: where it is, which thesis, which options.
 *
 * @param pollId the poll
 * @param episode the episode number
 * @param thesis the thesis number
 * @param place where it was posted
 * @param options the option labels, in button order
 */
public record PollInfo(long pollId, int episode, int thesis, Place place, List<String> options) {
  public PollInfo {
    options = List.copyOf(options);
  }

  /** "68.1": how users refer to the thesis. */
  public String reference() {
    return episode + "." + thesis;
  }
}
