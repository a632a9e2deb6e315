package io.pollcast.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import io.pollcast.config.LogFormat;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code pollcast.log.format} once the settings are loaded: with {@code json}, the standard
 * error appender of {@code logback.xml} gets logback's own {@link JsonEncoder}, one JSON object per
 * line; with {@code text} it stays as configured.
 */
public final class LogSetup {
  /** The appender in {@code logback.xml} that writes to standard error. */
  static final String APPENDER = "STDERR";

  private LogSetup() {}

  /** Switches the log to {@code format}; does nothing when logback is not the SLF4J backend. */
  public static void apply(LogFormat format) {
    if (format != LogFormat.JSON
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Appender<ILoggingEvent> appender =
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (appender instanceof ConsoleAppender<ILoggingEvent> console
        && !(console.getEncoder() instanceof JsonEncoder)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.start();
      console.stop();
      console.setEncoder(json);
      console.start();
    }
  }
}
