package io.pollcast.console;

import java.io.PrintStream;

/**
 * The console chat's screen: channel messages from the bot and private replies, one whole message
 * at a time so that lines of concurrent messages never interleave. Thread-safe.
 */
public final class ConsoleOutput {
  private final PrintStream out;

  public ConsoleOutput(PrintStream out) {
    this.out = out;
  }

  /** A message everyone in the console channel sees. */
  public synchronized void channel(String text) {
    print("[pollcast] ", text);
  }

  /** A reply only {@code name} is meant to see. */
  public synchronized void privately(String name, String text) {
    print("[pollcast → " + name + "] ", text);
  }

  /** Plain lines, such as the greeting. */
  public synchronized void plain(String text) {
    out.println(text);
    out.flush();
  }

  /** The console shows no markdown: bold markers and code quotes are dropped. */
  private static String plainText(String markdown) {
    return markdown.replace("**", "").replace("`", "");
  }

  private void print(String prefix, String text) {
    String indent = " ".repeat(prefix.length());
    String[] lines = plainText(text).split("\n", -1);
    out.println(prefix + lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.println(lines[i].isEmpty() ? "" : indent + lines[i]);
    }
    out.flush();
  }
}
