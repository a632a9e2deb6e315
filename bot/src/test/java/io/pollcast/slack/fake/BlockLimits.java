package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's documented Block Kit size limits, checked on every message the fake receives so that a
 * bot exceeding one fails in tests as it would in Slack ({@code invalid_blocks}), instead of
 * passing here and failing in production.
 *
 * <p>Only the limits a poll message can reach are checked: 50 blocks, section text 3000 and 10
 * fields of 2000, header 150, 25 elements in an actions block, button text 75, value 2000, {@code
 * action_id} and {@code block_id} 255 characters.
 */
final class BlockLimits {
  static final int MAX_BLOCKS = 50;

  private BlockLimits() {}

  /** The violations in {@code blocks}, worded like Slack's {@code response_metadata.messages}. */
  static List<String> violations(JsonNode blocks) {
    List<String> found = new ArrayList<>();
    if (!blocks.isArray()) {
      found.add("[ERROR] must be an array [json-pointer:/blocks]");
      return found;
    }
    if (blocks.size() > MAX_BLOCKS) {
      found.add(tooMany(MAX_BLOCKS, "/blocks"));
    }
    for (int i = 0; i < blocks.size(); i++) {
      checkBlock(blocks.get(i), "/blocks/" + i, found);
    }
    return found;
  }

  private static void checkBlock(JsonNode block, String at, List<String> found) {
    maxLength(block.path("block_id"), 255, at + "/block_id", found);
    switch (block.path("type").asText()) {
      case "section" -> {
        maxLength(block.path("text").path("text"), 3000, at + "/text/text", found);
        JsonNode fields = block.path("fields");
        if (fields.size() > 10) {
          found.add(tooMany(10, at + "/fields"));
        }
        for (int i = 0; i < fields.size(); i++) {
          maxLength(fields.get(i).path("text"), 2000, at + "/fields/" + i + "/text", found);
        }
        if (block.has("accessory")) {
          checkElement(block.get("accessory"), at + "/accessory", found);
        }
      }
      case "header" -> maxLength(block.path("text").path("text"), 150, at + "/text/text", found);
      case "actions" -> {
        JsonNode elements = block.path("elements");
        if (elements.size() > 25) {
          found.add(tooMany(25, at + "/elements"));
        }
        for (int i = 0; i < elements.size(); i++) {
          checkElement(elements.get(i), at + "/elements/" + i, found);
        }
      }
      default -> {}
    }
  }

  private static void checkElement(JsonNode element, String at, List<String> found) {
    maxLength(element.path("action_id"), 255, at + "/action_id", found);
    if ("button".equals(element.path("type").asText())) {
      maxLength(element.path("text").path("text"), 75, at + "/text/text", found);
      maxLength(element.path("value"), 2000, at + "/value", found);
    }
  }

  private static void maxLength(JsonNode text, int max, String at, List<String> found) {
    if (text.isTextual() && text.asText().length() > max) {
      found.add("[ERROR] must be less than " + (max + 1) + " characters [json-pointer:" + at + "]");
    }
  }

  private static String tooMany(int max, String at) {
    return "[ERROR] no more than " + max + " items allowed [json-pointer:" + at + "]";
  }
}
