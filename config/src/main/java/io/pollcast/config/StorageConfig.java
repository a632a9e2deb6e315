package io.pollcast.config;

/**
 * Where and how the bot keeps its data.
 *
 * @param url JDBC URL; an H2 file by default
 * @param user database user
 * @param password database password (a secret: never logged, hidden from {@link #toString()})
 * @param poolSize connections kept in the pool
 */
public record StorageConfig(String url, String user, String password, int poolSize) {
  @Override
  public String toString() {
    return "StorageConfig[url="
        + url
        + ", user="
        + user
        + ", password=***, poolSize="
        + poolSize
        + "]";
  }
}
