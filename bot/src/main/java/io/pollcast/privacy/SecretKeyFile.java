package io.pollcast.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret key kept in a file outside the database, in base64: read if the file exists, else made
 * of {@value #KEY_BYTES} random bytes and written with owner-only permissions. Used for the voter
 * key and the key that signs dashboard links, so that a copy of the database alone reveals and
 * forges nothing. Two processes creating the file at once end up with the same key.
 */
public final class SecretKeyFile {
  /** The length of a created key, and the least a read key must have. */
  public static final int KEY_BYTES = 32;

  private SecretKeyFile() {}

  /**
   * The key in {@code file}, created first if the file does not exist.
   *
   * @param what what the key is for, as error messages name it ("voter key")
   */
  public static byte[] readOrCreate(Path file, String what) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length < KEY_BYTES) {
        throw new IllegalStateException("The " + what + " file " + file + " holds too short a key");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the " + what + " file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The " + what + " file " + file + " is not valid base64");
    }
  }

  /** {@value #KEY_BYTES} random bytes, for a key that lives as long as the process. */
  public static byte[] random() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private static void create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first: use theirs
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, Base64.getEncoder().encodeToString(random()) + "\n");
  }
}
