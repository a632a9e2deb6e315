package io.pollcast.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature, checked on both sides of the clock: {@code X-Slack-Signature} must
 * be {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}, and {@code
 * X-Slack-Request-Timestamp} at most {@link #WINDOW} before or after now. Bolt's own check refuses
 * only old timestamps, so a request signed for the future would count. Thread-safe.
 */
final class RequestSignature {
  /** How far a request's timestamp may be from now, either way. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;

  RequestSignature(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /**
   * When the request was signed, if {@code signature} is right for {@code body} and {@code
   * timestamp} lies within the window; empty for anything else, a missing header included.
   */
  Optional<Instant> verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !TIMESTAMP.matcher(timestamp).matches()) {
      return Optional.empty();
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Duration off = Duration.between(signedAt, clock.instant()).abs();
    if (off.compareTo(WINDOW) > 0) {
      return Optional.empty();
    }
    byte[] expected = expected(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    boolean right = MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    return right ? Optional.of(signedAt) : Optional.empty();
  }

  private String expected(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is unavailable", e);
    }
  }
}
