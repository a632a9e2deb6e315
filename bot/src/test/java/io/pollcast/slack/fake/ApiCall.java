package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One Web API call the fake received: the method name, its parameters (form fields, or the
 * top-level fields of a JSON body, nested JSON kept as text), the bearer token, and the error the
 * fake answered with, if any.
 *
 * @param error the {@code error} of an {@code "ok":false} reply, empty when the call succeeded
 */
public record ApiCall(
    String method, Map<String, String> params, Optional<String> token, Optional<String> error) {

  /** Copies the parameters so the record stays immutable. */
  public ApiCall {
    params = Map.copyOf(params);
  }

  /** The parameter {@code name}, or empty if the caller did not send it. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** Parses the parameter {@code name} as JSON, for {@code blocks}, {@code view}, {@code files}. */
  public Optional<JsonNode> jsonParam(String name) {
    return param(name).map(Json::parse);
  }

  /** Whether the fake answered {@code "ok":true}. */
  public boolean succeeded() {
    return error.isEmpty();
  }
}
