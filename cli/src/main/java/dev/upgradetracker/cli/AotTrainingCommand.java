package dev.upgradetracker.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The training call of JDK 25's ahead-of-time cache ({@code ./upgrade} makes it once per build): a
 * call of each output format against a stand-in service on loopback, so that the cache holds the
 * classes a real call loads — the HTTP client's and Jackson's among them — and a call starts in
 * about half the time.
 */
@Command(
    name = "aot-training",
    hidden = true,
    description = "Calls a stand-in service the way real calls do (for the ahead-of-time cache).")
final class AotTrainingCommand implements Callable<Integer> {

  private static final byte[] CAMPAIGN =
      """
      {"campaignId": "training", "status": "RUNNING", "team": "alpha",
       "counts": {"done": 0, "running": 1, "failed": 0, "pending": 0, "percent": 40.0,
                  "stepsCompleted": 6, "stepsPlanned": 15},
       "clusters": [{"clusterId": "c1", "phase": "RUNNING", "stepsCompleted": 6, "stepsLeft": 9}]}
      """
          .getBytes(UTF_8);

  @Override
  public Integer call() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, CAMPAIGN.length);
          exchange.getResponseBody().write(CAMPAIGN);
          exchange.close();
        });
    server.start();
    int worst = 0;
    try {
      var url = "http://127.0.0.1:" + server.getAddress().getPort();
      for (var format : List.of("table", "json", "yaml")) {
        var call = UpgradeCli.commandLine();
        call.setOut(new PrintWriter(Writer.nullWriter()));
        call.execute(
            "campaign",
            "show",
            "training",
            "-o",
            format,
            "--query-url",
            url,
            "--token",
            "training");
      }
    } finally {
      server.stop(0);
    }
    return 0;
  }
}
