package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code multipart/form-data} message upload as JDA sends it: the {@code payload_json} part
 * is the message, and each file part is listed under {@code uploaded_files} (file name, size and
 * whether it is a PNG), which the fake records but does not store on the message.
 */
final class Multipart {
  static final String UPLOADED_FILES = "uploaded_files";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

  private Multipart() {}

  static JsonNode parse(byte[] body) {
    String raw = new String(body, StandardCharsets.ISO_8859_1);
    String boundary = raw.substring(0, raw.indexOf("\r\n"));
    ObjectNode payload = Json.object();
    ArrayNode files = Json.array();
    for (String part : raw.split(java.util.regex.Pattern.quote(boundary))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headersEnd);
      String content = part.substring(headersEnd + 4, Math.max(headersEnd + 4, part.length() - 2));
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
      if (headers.contains("name=\"payload_json\"")) {
        payload = (ObjectNode) Json.parse(new String(bytes, StandardCharsets.UTF_8));
      } else if (headers.contains("filename=\"")) {
        int start = headers.indexOf("filename=\"") + "filename=\"".length();
        files
            .addObject()
            .put("filename", headers.substring(start, headers.indexOf('"', start)))
            .put("size", bytes.length)
            .put("png", startsWithPng(bytes));
      }
    }
    payload.set(UPLOADED_FILES, files);
    return payload;
  }

  private static boolean startsWithPng(byte[] bytes) {
    if (bytes.length < PNG_SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (bytes[i] != PNG_SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }
}
