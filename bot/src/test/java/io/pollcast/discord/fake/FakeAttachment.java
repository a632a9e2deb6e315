package io.pollcast.discord.fake;

/**
 * A file a member attached to a slash command option, served by the fake at {@link #url()} as
 * Discord's CDN would serve it (no bot token needed). Pass it as an option value to {@link
 * FakeDiscord#slashCommand}. Create it with {@link FakeDiscord#attachment}.
 *
 * @param id the attachment's snowflake
 * @param fileName the file's name
 * @param content the bytes served; a private copy
 * @param url where the bot downloads it
 */
public record FakeAttachment(String id, String fileName, byte[] content, String url) {
  public FakeAttachment {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The size Discord reports: the content's. */
  public int size() {
    return content.length;
  }
}
