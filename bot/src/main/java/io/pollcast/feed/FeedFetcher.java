package io.pollcast.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads the feed with the JDK's HTTP client, conditionally: the {@code ETag} and {@code
 * Last-Modified} of the last answer go back as {@code If-None-Match} and {@code If-Modified-Since},
 * so a feed that did not change costs one short {@code 304} answer. Refuses a body over {@link
 * #MAX_BYTES} without reading more of it. Not thread-safe: one check at a time.
 */
final class FeedFetcher {
  /** The largest feed read: 10 MiB. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

  private final HttpClient client;
  private final URI url;
  private Optional<String> etag = Optional.empty();
  private Optional<String> lastModified = Optional.empty();

  FeedFetcher(URI url) {
    this.url = url;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** A feed's body with what identifies its version, to ask for a newer one next time. */
  record Answer(byte[] body, Optional<String> etag, Optional<String> lastModified) {}

  URI url() {
    return url;
  }

  /**
   * The feed's body, or empty when it did not change since the answer last {@link #remember
   * remembered}.
   *
   * @throws FeedProblem if it cannot be read now
   */
  Optional<Answer> fetch() throws FeedProblem {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", ACCEPT)
            .header("User-Agent", "Pollcast");
    etag.ifPresent(tag -> request.header("If-None-Match", tag));
    lastModified.ifPresent(date -> request.header("If-Modified-Since", date));
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new FeedProblem(FeedProblem.Kind.UNREACHABLE, 0, url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedProblem(FeedProblem.Kind.UNREACHABLE, 0, url + ": interrupted", e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 304) {
        return Optional.empty();
      }
      if (status != 200) {
        throw new FeedProblem(
            FeedProblem.Kind.STATUS, status, url + " answered HTTP " + status, null);
      }
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (length > MAX_BYTES) {
        throw tooLarge();
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw tooLarge();
      }
      return Optional.of(
          new Answer(
              bytes,
              response.headers().firstValue("ETag"),
              response.headers().firstValue("Last-Modified")));
    } catch (IOException e) {
      throw new FeedProblem(FeedProblem.Kind.UNREACHABLE, 0, url + ": " + e, e);
    }
  }

  /** Asks, from now on, only for a version newer than this answer's. */
  void remember(Answer answer) {
    etag = answer.etag();
    lastModified = answer.lastModified();
  }

  private FeedProblem tooLarge() {
    return new FeedProblem(
        FeedProblem.Kind.TOO_LARGE, url + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
  }
}
