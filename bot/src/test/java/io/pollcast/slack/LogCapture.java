package io.pollcast.slack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open, written out as the log file would hold it (every level the
 * test configuration lets through, stack traces included).
 */
final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final PatternLayout layout = new PatternLayout();

  LogCapture() {
    LoggerContext context = root.getLoggerContext();
    layout.setContext(context);
    layout.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
    layout.start();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** The log text written so far. */
  String text() {
    StringBuilder text = new StringBuilder();
    List<ILoggingEvent> events;
    synchronized (appender) {
      events = List.copyOf(appender.list);
    }
    for (ILoggingEvent event : events) {
      text.append(layout.doLayout(event));
    }
    return text.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
