package io.pollcast.discord.fake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST path template such as {@code channels/{channel}/messages/{message}}: literal segments
 * match themselves, {@code {name}} captures one segment and {@code *} matches one. Immutable.
 */
record RouteTemplate(List<String> segments) {
  RouteTemplate {
    segments = List.copyOf(segments);
  }

  static RouteTemplate parse(String template) {
    return new RouteTemplate(List.of(template.split("/", -1)));
  }

  /** The captured segments by name when the path matches. */
  Optional<Map<String, String>> matches(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> captured = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String segment = segments.get(i);
      if (segment.startsWith("{") && segment.endsWith("}")) {
        captured.put(segment.substring(1, segment.length() - 1), parts[i]);
      } else if (!segment.equals("*") && !segment.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(captured);
  }
}
