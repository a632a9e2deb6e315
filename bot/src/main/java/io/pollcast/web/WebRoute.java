package io.pollcast.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint of the {@link WebServer}: a method, a path and what answers it.
 *
 * @param method the HTTP method served
 * @param path the path, such as {@code /slack/events}
 * @param handler answers the requests; called on the server's threads, several at a time
 */
public record WebRoute(HandlerType method, String path, Handler handler) {

  /** A route for {@code GET path}. */
  public static WebRoute get(String path, Handler handler) {
    return new WebRoute(HandlerType.GET, path, handler);
  }

  /** A route for {@code POST path}. */
  public static WebRoute post(String path, Handler handler) {
    return new WebRoute(HandlerType.POST, path, handler);
  }
}
