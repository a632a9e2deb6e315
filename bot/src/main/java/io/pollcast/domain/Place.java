package io.pollcast.domain;

/**
 * A channel on a platform, where polls are posted and results announced.
 *
 * @param platform the platform
 * @param channel the platform's channel id ("console" in the console chat)
 */
public record Place(Platform platform, String channel) {
  /** The one place of the console chat. */
  public static final Place CONSOLE = new Place(Platform.CONSOLE, "console");
}
