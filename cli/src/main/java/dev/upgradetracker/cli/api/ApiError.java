package dev.upgradetracker.cli.api;

import java.io.Serial;
import tools.jackson.databind.JsonNode;

/** A service refused or failed a request; the message is its problem details in one line. */
public final class ApiError extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String method, String url, JsonNode problem, String body) {
    super(describe(status, method, url, problem, body));
    this.status = status;
  }

  public int status() {
    return status;
  }

  private static String describe(
      int status, String method, String url, JsonNode problem, String body) {
    if (problem == null) {
      return method + " " + url + " answered " + status + (body.isBlank() ? "" : ": " + body);
    }
    var rule = problem.path("rule").asString("");
    var detail = problem.path("detail").asString(problem.path("title").asString(""));
    return status + (rule.isEmpty() ? "" : " " + rule) + ": " + detail;
  }
}
