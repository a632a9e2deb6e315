package io.pollcast.discord.fake;

/**
 * A file a member attached to a slash command option, served by the fake at {@link #url()} as
 * Discord's CDN would serve it (no bot token needed). Create it with {@link FakeDiscord#attachment}
 * and pass it as an option value to {@link FakeDiscord#slashCommand}. Immutable.
 */
public final class FakeAttachment {
  private final String id;
  private final String fileName;
  private final byte[] content;
  private final String url;

  FakeAttachment(String id, String fileName, byte[] content, String url) {
    this.id = id;
    this.fileName = fileName;
    this.content = content.clone();
    this.url = url;
  }

  /** The attachment's snowflake. */
  public String id() {
    return id;
  }

  public String fileName() {
    return fileName;
  }

  /** The bytes served; a copy. */
  public byte[] content() {
    return content.clone();
  }

  /** Where the bot downloads it. */
  public String url() {
    return url;
  }

  /** The size Discord reports: the content's. */
  public int size() {
    return content.length;
  }
}
