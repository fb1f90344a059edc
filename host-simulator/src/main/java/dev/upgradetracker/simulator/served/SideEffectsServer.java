package dev.upgradetracker.simulator.served;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.upgradetracker.simulator.fleet.FleetModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated hosts' side effects, served read-only over HTTP on the loopback interface: {@code
 * GET /commands} (every command a host received, in order) and {@code GET /violations} (every
 * breach of the procedure), each filtered by {@code ?cluster=}. Tests, drills and operators compare
 * what the product says it did with what the hosts saw. The JDK's own HTTP server suffices for two
 * read-only lists; no framework is worth its weight here.
 */
public final class SideEffectsServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;

  private SideEffectsServer(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code fleet}'s side effects on 127.0.0.1:{@code port} (0: any free port). */
  public static SideEffectsServer start(FleetModel fleet, int port) {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
      server.createContext(
          "/commands",
          exchange ->
              answer(
                  exchange,
                  cluster -> cluster == null ? fleet.commandLog() : fleet.commandLogOf(cluster)));
      server.createContext(
          "/violations",
          exchange ->
              answer(
                  exchange,
                  cluster ->
                      fleet.violationRecords().stream()
                          .filter(v -> cluster == null || v.cluster().equals(cluster))
                          .toList()));
      server.start();
      return new SideEffectsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the simulator's side effects on port " + port + ": " + e.getMessage(), e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, ClusterQuery query) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      var cluster = parameters(exchange.getRequestURI().getRawQuery()).get("cluster");
      var body = JSON.writeValueAsBytes(query.of(cluster));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static Map<String, String> parameters(String query) {
    if (query == null || query.isBlank()) {
      return Map.of();
    }
    return Arrays.stream(query.split("&"))
        .map(pair -> pair.split("=", 2))
        .filter(pair -> pair.length == 2)
        .collect(
            Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                (first, second) -> first));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @FunctionalInterface
  private interface ClusterQuery {
    Object of(String cluster);
  }
}
