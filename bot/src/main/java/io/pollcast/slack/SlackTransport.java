package io.pollcast.slack;

/** How Slack's deliveries reach the Bolt app: Socket Mode or HTTP. */
interface SlackTransport extends AutoCloseable {

  /** Starts taking deliveries; may return before the first connection is up. */
  void start() throws Exception;

  /** Whether deliveries can reach the bot now (for readiness checks); may take a few seconds. */
  boolean connected();

  /** Stops taking deliveries and releases the transport's threads. Idempotent. */
  @Override
  void close();
}
