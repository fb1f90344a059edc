package dev.upgradetracker.cli.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' REST APIs, as the tool uses them: JSON in and out, problem details as errors. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final String commandUrl;
  private final String queryUrl;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder()
          // the services speak HTTP/1.1: no upgrade to HTTP/2 attempted on each connection
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public Api(String commandUrl, String queryUrl, String token) {
    this.commandUrl = commandUrl;
    this.queryUrl = queryUrl;
    this.token = token;
  }

  public JsonNode command(String path, String jsonBody) {
    return command("POST", path, jsonBody);
  }

  /** A command to the command service by any method: PUT and DELETE too. */
  public JsonNode command(String method, String path, String jsonBody) {
    return JSON.readTree(send(withBody(method, commandUrl + path, jsonBody)).body());
  }

  public JsonNode commandSide(String path) {
    return JSON.readTree(send(get(commandUrl + path)).body());
  }

  public JsonNode query(String path) {
    return JSON.readTree(send(get(queryUrl + path)).body());
  }

  public String queryText(String path) {
    return send(get(queryUrl + path)).body();
  }

  /** A text answer with the value of one of its headers (null when absent). */
  public record Text(String body, String header) {}

  public Text queryText(String path, String header) {
    var response = send(get(queryUrl + path));
    return new Text(response.body(), response.headers().firstValue(header).orElse(null));
  }

  /**
   * Follows a Server-Sent Events stream of the query service, handing each event's data to {@code
   * onData} until it answers true (done).
   */
  public void follow(String path, Predicate<JsonNode> onData) {
    var request =
        authorized(HttpRequest.newBuilder(URI.create(queryUrl + path)))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        var body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        throw error(response.statusCode(), "GET", request.uri().toString(), body);
      }
      try (var lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        var data = new StringBuilder();
        for (var line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          } else if (line.isEmpty() && !data.isEmpty()) {
            if (onData.test(JSON.readTree(data.toString()))) {
              return;
            }
            data.setLength(0);
          }
        }
      }
    } catch (IOException e) {
      throw unreachable(queryUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@code ?a=1&b=x} from the given parameters, leaving out those without a value. */
  public static String query(Map<String, Object> parameters) {
    var present = new LinkedHashMap<String, Object>();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            present.put(name, value);
          }
        });
    return present.isEmpty()
        ? ""
        : "?"
            + present.entrySet().stream()
                .map(
                    p ->
                        p.getKey()
                            + "="
                            + URLEncoder.encode(p.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
  }

  private HttpRequest get(String url) {
    return authorized(HttpRequest.newBuilder(URI.create(url))).GET().build();
  }

  private HttpRequest withBody(String method, String url, String jsonBody) {
    return authorized(HttpRequest.newBuilder(URI.create(url)))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(jsonBody == null ? "" : jsonBody))
        .build();
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request.timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw error(
            response.statusCode(), request.method(), request.uri().toString(), response.body());
      }
      return response;
    } catch (IOException e) {
      var uri = request.uri();
      throw unreachable(uri.getScheme() + "://" + uri.getAuthority(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static ApiError error(int status, String method, String url, String body) {
    JsonNode problem = null;
    try {
      var parsed = JSON.readTree(body);
      problem = parsed.isObject() ? parsed : null;
    } catch (JacksonException notJson) {
      // the body is shown as it is
    }
    return new ApiError(status, method, url, problem, body);
  }

  private static UncheckedIOException unreachable(String base, IOException e) {
    var why = e instanceof ConnectException ? "connection refused" : e.toString();
    return new UncheckedIOException(
        "cannot reach "
            + base
            + " ("
            + why
            + "); is the stack running? See --command-url/--query-url",
        e);
  }
}
