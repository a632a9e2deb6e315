package io.pollcast.slack.fake;

import io.pollcast.storage.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every Web API call the fake received, in arrival order, including calls it failed or did not
 * know. Thread-safe: the fake's HTTP threads append while a test reads.
 */
public final class CallJournal {
  /** The error the fake answers for methods it does not implement, as Slack does. */
  public static final String UNKNOWN_METHOD = "unknown_method";

  private final List<ApiCall> calls = new ArrayList<>();

  void record(ApiCall call) {
    synchronized (calls) {
      calls.add(call);
    }
  }

  /**
   * Performs a call and journals it under the journal's lock, so that a test which sees the call's
   * effect in the workspace also finds the call in the journal.
   */
  <T> T performAndRecord(Supplier<T> call, Function<T, ApiCall> entry) {
    synchronized (calls) {
      T result = call.get();
      calls.add(entry.apply(result));
      return result;
    }
  }

  /** All calls so far. */
  public List<ApiCall> all() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The calls of one method, in order. */
  public List<ApiCall> of(String method) {
    return matching(call -> call.method().equals(method));
  }

  /** The calls that satisfy {@code filter}, in order. */
  public List<ApiCall> matching(Predicate<ApiCall> filter) {
    return all().stream().filter(filter).toList();
  }

  /** The method names called so far, in order, repeats included. */
  public List<String> methods() {
    return all().stream().map(ApiCall::method).toList();
  }

  /** Calls the fake answered with {@code "ok":false}; tests of a healthy bot expect none. */
  public List<ApiCall> failed() {
    return matching(call -> !call.succeeded());
  }

  /** Calls of methods the fake does not implement; a test can assert none happened. */
  public List<ApiCall> unknown() {
    return matching(call -> call.error().equals(Optional.of(UNKNOWN_METHOD)));
  }

  /** Waits for a call of {@code method} matching {@code filter} and returns the first such call. */
  public ApiCall await(String method, Predicate<ApiCall> filter) {
    return await(method, filter, Await.DEFAULT_TIMEOUT);
  }

  /** Waits up to {@code timeout} for a call of {@code method} matching {@code filter}. */
  public ApiCall await(String method, Predicate<ApiCall> filter, Duration timeout) {
    return Await.value(
        timeout,
        () -> of(method).stream().filter(filter).findFirst(),
        () -> "a matching " + method + " call; calls so far: " + methods());
  }

  /** Waits until {@code count} calls of {@code method} matching {@code filter} arrived. */
  public List<ApiCall> awaitCount(String method, Predicate<ApiCall> filter, int count) {
    Await.until(
        () -> of(method).stream().filter(filter).count() >= count,
        () ->
            count
                + " matching "
                + method
                + " calls, got "
                + of(method).stream().filter(filter).count());
    return of(method).stream().filter(filter).toList();
  }
}
