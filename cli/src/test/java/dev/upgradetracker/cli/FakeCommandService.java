package dev.upgradetracker.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A command and query service in one that answers each path with a given JSON body and records what
 * it was sent, for the CLI's own tests.
 */
public final class FakeCommandService implements AutoCloseable {

  /** What a CLI run printed, on its output and its error stream, and its exit code. */
  public record Run(int exitCode, String out, String err) {}

  private final HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile String anyOtherAnswer;

  public FakeCommandService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          var path = exchange.getRequestURI().getPath();
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + path
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), UTF_8));
          var answer = answers.getOrDefault(path, anyOtherAnswer);
          var body = (answer == null ? "{}" : answer).getBytes(UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  public void answer(String path, String json) {
    answers.put(path, json);
  }

  /** The answer to every path not given its own (by default: none, 404). */
  public void answerAnyOtherPath(String json) {
    anyOtherAnswer = json;
  }

  /** Each request received, in order: method, path and body, separated by a space. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Each request's Authorization header, in order. */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Runs the CLI with {@code args} against this service, as the audit token. */
  public Run run(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--command-url", url(), "--query-url", url(), "--token", "test-token"));
    return runAlone(all.toArray(String[]::new));
  }

  /** Runs the CLI with {@code args} exactly, against no service. */
  public static Run runAlone(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = UpgradeCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
