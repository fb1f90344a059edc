package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.command.CommandServiceApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A command service in a JVM of its own, started from this JVM's classpath as {@link
 * BenchCommandService} configures it: what a second instance in production is, sharing nothing with
 * this one but the database and the broker.
 */
final class ChildCommandService implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final String port;
  private final Path log;

  private ChildCommandService(Process process, String port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ChildCommandService start(String database, String namespace) throws IOException {
    String port;
    try (var free = new ServerSocket(0)) {
      port = String.valueOf(free.getLocalPort());
    }
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CommandServiceApplication.class.getName());
    command.add("--server.port=" + port);
    command.addAll(BenchCommandService.arguments(database, namespace));
    var log = Files.createTempFile("bench-command-service-", ".log");
    var process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ChildCommandService(process, port, log);
  }

  ChildCommandService awaitHealthy(Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    var health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"));
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the command service exited during start; see " + log);
      }
      try {
        if (HTTP.send(health.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the command service was not healthy in time; see " + log);
  }

  String port() {
    return port;
  }

  /** SIGTERM, then SIGKILL if it has not ended in 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
