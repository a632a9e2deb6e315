package io.pollcast.slack;

/** Slack refused a Web API call: {@code "ok":false} with an error code, or an HTTP error. */
final class SlackCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SlackCallException(String method, String error) {
    super(method + " failed: " + error);
  }
}
