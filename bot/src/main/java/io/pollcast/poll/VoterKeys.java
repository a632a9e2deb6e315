package io.pollcast.poll;

import io.pollcast.config.InvalidConfigException;
import io.pollcast.config.PrivacyConfig;
import io.pollcast.config.Secrets;
import io.pollcast.privacy.Pseudonymizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Finds the secret key for {@link Pseudonymizer}: from {@code POLLCAST_VOTER_KEY} if set, else from
 * the key file ({@code pollcast.privacy.key-file}, by default beside the H2 database), which is
 * created with 32 random bytes and owner-only permissions the first time a command that writes
 * votes needs it. Commands that only read never need the key.
 */
public final class VoterKeys {
  private static final int KEY_BYTES = 32;

  private VoterKeys() {}

  /**
   * Loads or creates the key.
   *
   * @throws InvalidConfigException if neither {@code POLLCAST_VOTER_KEY} nor a key file is given
   *     (PostgreSQL without {@code pollcast.privacy.key-file})
   */
  public static byte[] load(PrivacyConfig privacy, Secrets secrets) {
    if (secrets.voterKey().isPresent()) {
      byte[] key;
      try {
        key = Base64.getDecoder().decode(secrets.voterKey().get());
      } catch (IllegalArgumentException e) {
        // no cause: the decoder's message quotes a character of the secret
        throw new IllegalStateException("POLLCAST_VOTER_KEY is not valid base64");
      }
      if (key.length < KEY_BYTES) {
        throw new IllegalStateException("POLLCAST_VOTER_KEY must hold at least 32 bytes");
      }
      return key;
    }
    Path file =
        privacy
            .keyFile()
            .orElseThrow(
                () ->
                    new InvalidConfigException(
                        "No voter key: with a database other than an H2 file, set"
                            + " 'pollcast.privacy.key-file' to a file outside the database (or"
                            + " POLLCAST_VOTER_KEY)."));
    return fromFile(file);
  }

  private static byte[] fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length < KEY_BYTES) {
        throw new IllegalStateException("The voter key file " + file + " holds too short a key");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the voter key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The voter key file " + file + " is not valid base64");
    }
  }

  private static void create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first: use theirs
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
  }
}
