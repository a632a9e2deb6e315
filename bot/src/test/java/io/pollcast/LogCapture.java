package io.pollcast;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged at INFO and above, by any logger, while it is open: the message with
 * its arguments and every exception in the chain with its message and stack. For tests that check
 * what must never be logged. Thread-safe; close it to restore the logging configuration.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger pollcast = (Logger) LoggerFactory.getLogger("io.pollcast");
  private final Level rootLevel = root.getLevel();
  private final Level pollcastLevel = pollcast.getLevel();

  private LogCapture() {}

  /** Starts capturing, lowering the levels of the root and {@code io.pollcast} loggers to INFO. */
  public static LogCapture open() {
    LogCapture capture = new LogCapture();
    capture.setContext(capture.root.getLoggerContext());
    capture.setName("log-capture");
    capture.start();
    capture.root.setLevel(Level.INFO);
    capture.pollcast.setLevel(Level.INFO);
    capture.root.addAppender(capture);
    return capture;
  }

  /** Everything captured so far, one event per entry. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Everything captured so far as one text. */
  public String text() {
    return String.join("\n", lines());
  }

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(event.getLevel().toString())
            .append(' ')
            .append(event.getLoggerName())
            .append(": ")
            .append(event.getFormattedMessage());
    for (IThrowableProxy thrown = event.getThrowableProxy();
        thrown != null;
        thrown = thrown.getCause()) {
      line.append("\n  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
      for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
        line.append("\n    ").append(frame.getSTEAsString());
      }
    }
    synchronized (lines) {
      lines.add(line.toString());
    }
  }

  @Override
  public void close() {
    root.detachAppender(this);
    root.setLevel(rootLevel);
    pollcast.setLevel(pollcastLevel);
    stop();
  }
}
