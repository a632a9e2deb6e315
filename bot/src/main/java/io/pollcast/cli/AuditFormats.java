package io.pollcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pollcast.storage.AuditEntry;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log as text for a terminal and as JSON. Names come from the platforms, so the text form
 * shows control and direction characters as {@code ?}: a display name cannot rewrite the operator's
 * terminal. Thread-safe.
 */
final class AuditFormats {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private AuditFormats() {}

  static String text(List<AuditEntry> entries, ZoneId zone) {
    if (entries.isEmpty()) {
      return "The audit log is empty: no host or moderator has acted yet.";
    }
    StringBuilder text = new StringBuilder();
    for (AuditEntry entry : entries) {
      text.append(TIME.withZone(zone).format(entry.at()))
          .append("  ")
          .append(printable(entry.action()))
          .append(entry.episode().map(n -> " episode " + n).orElse(""))
          .append("  by ")
          .append(printable(entry.displayName()))
          .append(" (")
          .append(printable(entry.platform()))
          .append(' ')
          .append(printable(entry.userId()))
          .append(')');
      if (!entry.detail().isEmpty()) {
        text.append("  ").append(printable(entry.detail()));
      }
      text.append('\n');
    }
    return text.toString();
  }

  static String json(List<AuditEntry> entries) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (AuditEntry entry : entries) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("at", entry.at().toString());
      item.put("platform", entry.platform());
      item.put("userId", entry.userId());
      item.put("displayName", entry.displayName());
      item.put("action", entry.action());
      item.put("episode", entry.episode().orElse(null));
      item.put("detail", entry.detail());
      items.add(item);
    }
    try {
      return JSON.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Control characters and bidirectional overrides shown as {@code ?}. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              boolean hidden =
                  type == Character.CONTROL
                      || type == Character.FORMAT
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR;
              out.appendCodePoint(hidden ? '?' : c);
            });
    return out.toString();
  }
}
