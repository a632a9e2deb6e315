package io.pollcast.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pollcast.config.WebConfig;
import io.pollcast.privacy.SecretKeyFile;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and checks the tokens of dashboard and overlay links: {@code base64url(claims JSON) "."
 * base64url(HMAC-SHA256(key, claims))}, under a key kept outside the database. A token that does
 * not parse, whose signature is not the key's or that has expired is refused alike. The CSRF token
 * of a page is an HMAC of its link token under the same key, so forms need no server-side state.
 * Thread-safe.
 */
public final class LinkSigner {
  private static final String HMAC = "HmacSHA256";
  private static final int MAX_TOKEN = 2048;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;
  private final ObjectMapper json = JsonMapper.builder().build();

  private static final Logger LOG = LoggerFactory.getLogger(LinkSigner.class);

  /**
   * A signer with the key of {@code pollcast.web.key-file} (by default {@code web.key} beside the
   * H2 database), created when missing; without such a file, a key for this run only.
   */
  public static LinkSigner of(WebConfig config, Clock clock) {
    if (config.keyFile().isPresent()) {
      return new LinkSigner(SecretKeyFile.readOrCreate(config.keyFile().get(), "link key"), clock);
    }
    LOG.info("No pollcast.web.key-file: dashboard links are signed with a key for this run only");
    return new LinkSigner(SecretKeyFile.random(), clock);
  }

  /** Signs with {@code key} (at least 32 bytes) and judges expiry by {@code clock}. */
  public LinkSigner(byte[] key, Clock clock) {
    this.key = new SecretKeySpec(key.clone(), HMAC);
    this.clock = clock;
  }

  /** The token for {@code claims}. */
  String sign(LinkClaims claims) {
    try {
      String body = ENCODER.encodeToString(json.writeValueAsBytes(claims));
      return body + "." + ENCODER.encodeToString(mac("link:" + body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write link claims", e);
    }
  }

  /** The claims of a genuine token that has not expired; empty for anything else. */
  Optional<LinkClaims> verify(String token) {
    if (token == null || token.length() > MAX_TOKEN) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String body = token.substring(0, dot);
    try {
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac("link:" + body))) {
        return Optional.empty();
      }
      LinkClaims claims = json.readValue(DECODER.decode(body), LinkClaims.class);
      return claims.expires() > clock.instant().getEpochSecond()
          ? Optional.of(claims)
          : Optional.empty();
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The CSRF token that a page opened with {@code token} puts in its forms. */
  String csrf(String token) {
    return ENCODER.encodeToString(mac("csrf:" + token));
  }

  /** Whether {@code offered} is the CSRF token of {@code token}. */
  boolean csrfMatches(String token, String offered) {
    return offered != null
        && MessageDigest.isEqual(
            csrf(token).getBytes(StandardCharsets.US_ASCII),
            offered.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
