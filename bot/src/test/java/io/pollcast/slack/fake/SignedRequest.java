package io.pollcast.slack.fake;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HTTP-mode request from Slack to a bot: a form body (a slash command, or {@code payload=} with
 * an interaction) with Slack's v0 signature headers, {@code X-Slack-Request-Timestamp} and {@code
 * X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}.
 *
 * <p>Immutable. Variants with a wrong signature, an old timestamp or retry headers test a bot's
 * request verification and idempotency. A request can be handed to a Bolt {@link App} directly or
 * posted to a real HTTP endpoint.
 */
public final class SignedRequest {
  /** The content type of every Slack HTTP-mode request. */
  public static final String FORM = "application/x-www-form-urlencoded";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String body;
  private final String secret;
  private final long timestamp;
  private final String signature;
  private final Map<String, String> retryHeaders;

  private SignedRequest(
      String body, String secret, long timestamp, String signature, Map<String, String> retry) {
    this.body = body;
    this.secret = secret;
    this.timestamp = timestamp;
    this.signature = signature;
    this.retryHeaders = Map.copyOf(retry);
  }

  /** {@code body} signed with {@code secret} at {@code time}. */
  static SignedRequest sign(String body, String secret, Instant time) {
    long timestamp = time.getEpochSecond();
    return new SignedRequest(body, secret, timestamp, signature(secret, timestamp, body), Map.of());
  }

  /** Slack's v0 signature of {@code body} sent at {@code timestamp} (epoch seconds). */
  public static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** The raw form body, exactly as signed. */
  public String body() {
    return body;
  }

  /** {@code X-Slack-Request-Timestamp}, epoch seconds. */
  public long timestamp() {
    return timestamp;
  }

  /** {@code X-Slack-Signature}. */
  public String signature() {
    return signature;
  }

  /** The Slack headers: content type, timestamp, signature and any retry headers. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", FORM);
    headers.put("X-Slack-Request-Timestamp", Long.toString(timestamp));
    headers.put("X-Slack-Signature", signature);
    headers.putAll(retryHeaders);
    return headers;
  }

  /** The same request signed with a different secret, as a forger would send it. */
  public SignedRequest withWrongSignature() {
    String wrong = signature("not-" + secret, timestamp, body);
    return new SignedRequest(body, secret, timestamp, wrong, retryHeaders);
  }

  /** The same request, correctly signed, sent at {@code time} (an old time makes a replay). */
  public SignedRequest signedAt(Instant time) {
    long at = time.getEpochSecond();
    return new SignedRequest(body, secret, at, signature(secret, at, body), retryHeaders);
  }

  /**
   * The same request as Slack's retry {@code retryNum}: {@code X-Slack-Retry-Num}/{@code -Reason}.
   */
  public SignedRequest withRetry(int retryNum, String reason) {
    Map<String, String> retry =
        Map.of("X-Slack-Retry-Num", Integer.toString(retryNum), "X-Slack-Retry-Reason", reason);
    return new SignedRequest(body, secret, timestamp, signature, retry);
  }

  /**
   * Runs the request through {@code app} as Bolt's HTTP adapters do: {@link SlackRequestParser},
   * then {@link App#run}. No server needed.
   */
  public Response sendTo(App app) throws Exception {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers().forEach((name, value) -> headers.put(name, List.of(value)));
    Request<?> request =
        new SlackRequestParser(app.config())
            .parse(
                SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .queryString(Map.of())
                    .requestBody(body)
                    .headers(new RequestHeaders(headers))
                    .remoteAddress("127.0.0.1")
                    .build());
    return app.run(request);
  }

  /** POSTs the request to a bot's HTTP endpoint and returns its response. */
  public HttpResponse<String> postTo(URI endpoint) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers().forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
