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

/** A command service that answers each path with a given JSON body, for the CLI's own tests. */
public final class FakeCommandService implements AutoCloseable {

  /** What a CLI run printed and its exit code. */
  public record Run(int exitCode, String out) {}

  private final HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  public FakeCommandService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          var answer = answers.get(exchange.getRequestURI().getPath());
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

  /** Runs the CLI with {@code args} against this service, as the audit token. */
  public Run run(String... args) {
    var out = new StringWriter();
    var commandLine = UpgradeCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    var all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--command-url",
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "--token",
            "test-token"));
    return new Run(commandLine.execute(all.toArray(String[]::new)), out.toString());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
