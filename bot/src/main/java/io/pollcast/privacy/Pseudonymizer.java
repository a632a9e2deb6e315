package io.pollcast.privacy;

import io.pollcast.domain.Platform;
import io.pollcast.storage.VoterId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a platform user into the pseudonym stored with their vote: HMAC-SHA256 under a secret key
 * kept outside the database, over the platform, the user id and the poll, cut to 128 bits. One
 * person keeps one vote per poll, yet the stored rows neither reveal who voted nor link one
 * person's votes on different polls to each other. Thread-safe.
 */
public final class Pseudonymizer {
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] FINGERPRINT_INPUT =
      "pollcast voter key fingerprint v1".getBytes(StandardCharsets.UTF_8);
  private static final int FINGERPRINT_BYTES = 16;
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  /** Creates a pseudonymizer with the given secret key (at least 32 bytes). */
  public Pseudonymizer(byte[] secretKey) {
    if (secretKey.length < 32) {
      throw new IllegalArgumentException("the voter key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(secretKey.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The pseudonym of a user for one poll. */
  public VoterId voter(Platform platform, String userId, long pollId) {
    Mac mac = macs.get();
    mac.update(platform.id().getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(userId.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(ByteBuffer.allocate(Long.BYTES).putLong(pollId).array());
    return VoterId.of(mac.doFinal());
  }

  /**
   * A fingerprint of the key, safe to store and show: HMAC-SHA256 under the key of a fixed text,
   * cut to 128 bits, in hex. It tells keys apart and reveals nothing about the key.
   */
  public String keyFingerprint() {
    byte[] mac = newMac().doFinal(FINGERPRINT_INPUT);
    return HexFormat.of().formatHex(Arrays.copyOf(mac, FINGERPRINT_BYTES));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("unusable voter key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}
