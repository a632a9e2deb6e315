package io.pollcast.storage;

/**
 * What a new episode from the feed asks for in one channel.
 *
 * @param episodeNumber the episode
 * @param action {@link #START} (post its polls) or {@link #NOTIFY} (tell the hosts)
 * @param platform the platform's id, e.g. {@code discord}
 * @param channel the platform's id of the channel
 */
public record FeedAction(int episodeNumber, String action, String platform, String channel) {
  public static final String START = "start";
  public static final String NOTIFY = "notify";
}
