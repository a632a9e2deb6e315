package io.pollcast.discord.fake;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Collects ERROR log events while attached to the root logger.
 *
 * <p>JDA reports many failures only by logging them (an invalid GUILD_CREATE, an exception in a
 * listener, a failed request queued without a failure callback), so a test against the fake must
 * fail on them rather than let them pass silently. Thread-safe.
 */
public final class ErrorLogCapture extends AppenderBase<ILoggingEvent> {
  private final List<String> errors = new ArrayList<>();
  private volatile Consumer<String> onError = error -> {};

  private ErrorLogCapture() {}

  /** Creates a capture and attaches it to logback's root logger. */
  public static ErrorLogCapture attach() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ErrorLogCapture capture = new ErrorLogCapture();
    capture.setContext(root.getLoggerContext());
    capture.setName("fake-discord-errors");
    capture.start();
    root.addAppender(capture);
    return capture;
  }

  /** Also calls {@code listener} with each error from now on, on the logging thread. */
  public void onError(Consumer<String> listener) {
    this.onError = listener;
  }

  /** The errors logged so far, each as "logger: message (exception)". */
  public List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** Stops collecting. */
  public void detach() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(this);
    stop();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      return;
    }
    StringBuilder error =
        new StringBuilder(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      error.append(" (").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
      error.append(')');
    }
    String message = error.toString();
    synchronized (errors) {
      errors.add(message);
    }
    onError.accept(message);
  }
}
