package io.pollcast.poll;

import io.pollcast.config.InvalidConfigException;
import io.pollcast.config.PrivacyConfig;
import io.pollcast.config.Secrets;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.privacy.SecretKeyFile;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Finds the secret key for {@link Pseudonymizer}: from {@code POLLCAST_VOTER_KEY} if set, else from
 * the key file ({@code pollcast.privacy.key-file}, by default beside the H2 database), which is
 * created with 32 random bytes and owner-only permissions the first time a command that writes
 * votes needs it. Commands that only read never need the key.
 */
public final class VoterKeys {
  private static final int KEY_BYTES = SecretKeyFile.KEY_BYTES;

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
    return SecretKeyFile.readOrCreate(file, "voter key");
  }
}
