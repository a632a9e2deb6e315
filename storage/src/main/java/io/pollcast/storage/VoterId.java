package io.pollcast.storage;

import java.nio.ByteBuffer;

/**
 * A voter as the database knows them: a 128-bit keyed pseudonym, never a platform user id. Two
 * longs rather than a byte array so that it is a value (equals, hashCode) and cheap to keep.
 *
 * @param high the first 8 bytes
 * @param low the last 8 bytes
 */
public record VoterId(long high, long low) {
  static final int BYTES = 16;

  /** Reads a pseudonym from its first 16 bytes. */
  public static VoterId of(byte[] bytes) {
    if (bytes.length < BYTES) {
      throw new IllegalArgumentException("a voter id needs " + BYTES + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new VoterId(buffer.getLong(), buffer.getLong());
  }

  /** The 16 bytes stored in the database. */
  public byte[] bytes() {
    return ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array();
  }
}
