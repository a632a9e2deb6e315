package io.pollcast.discord.fake;

import io.pollcast.discord.fake.FakeRestServer.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failures a test asks the fake to answer in place of its routes, as Discord does on a bad day: a
 * server error, or a rate limit (HTTP 429) with its {@code Retry-After}. Each fault answers the
 * next {@code times} requests that match its method and path template, then is used up; a request
 * it answers has no effect. Thread-safe.
 */
final class InjectedFaults {
  private final List<Fault> faults = new ArrayList<>();

  private static final class Fault {
    final String method;
    final RouteTemplate template;
    final Reply reply;
    int left;

    Fault(String method, String pathTemplate, int times, Reply reply) {
      this.method = method;
      this.template = RouteTemplate.parse(pathTemplate);
      this.reply = reply;
      this.left = times;
    }
  }

  /** Answers the next {@code times} matching requests with {@code status} and Discord's error. */
  synchronized void fail(String method, String pathTemplate, int times, int status) {
    faults.add(
        new Fault(
            method,
            pathTemplate,
            times,
            Reply.error(
                status, 0, status + ": " + (status == 500 ? "Internal Server Error" : "?"))));
  }

  /**
   * Answers the next {@code times} matching requests with a per-route rate limit, as Discord sends
   * it: the {@code Via} header tells JDA that it is Discord's and not Cloudflare's, and no {@code
   * X-RateLimit-Global} header that it holds for this route only.
   */
  synchronized void rateLimit(
      String method, String pathTemplate, int times, int retryAfterSeconds) {
    Reply limited =
        new Reply(
            429,
            Json.object()
                .put("message", "You are being rate limited.")
                .put("retry_after", (double) retryAfterSeconds)
                .put("global", false),
            Map.of(
                "Retry-After", String.valueOf(retryAfterSeconds),
                "X-RateLimit-Scope", "user",
                "Via", "1.1 google"));
    faults.add(new Fault(method, pathTemplate, times, limited));
  }

  /** The fault's answer to this request, if one matches; uses it up by one. */
  synchronized Optional<Reply> answer(String method, String path) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault fault = it.next();
      if (fault.method.equals(method) && fault.template.matches(path).isPresent()) {
        if (--fault.left == 0) {
          it.remove();
        }
        return Optional.of(fault.reply);
      }
    }
    return Optional.empty();
  }
}
