package dev.upgradetracker.cli.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.upgradetracker.cli.UpgradeCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code upgrade verify} prints of the command service's verification, and its exit code. */
class VerifyCommandTest {

  private HttpServer commandService;
  private String verification;

  @BeforeEach
  void serveVerification() throws IOException {
    commandService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    commandService.createContext(
        "/api/verification",
        exchange -> {
          var body = verification.getBytes(UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    commandService.start();
  }

  @AfterEach
  void stop() {
    commandService.stop(0);
  }

  @Test
  void exitsOneNamingAClusterWhoseLastStoredEventWasDeletedAndOneNeverPublished() {
    verification =
        """
        {"aggregates": 3, "events": 12, "intact": true, "broken": [], "heads": [], "ok": false,
         "published": {"problems": [
           "c1: BROKEN at position 4: the store ends at position 3, the copy on Kafka reaches 4 (events were removed from the store)",
           "c2: NOT PUBLISHED since 2026-12-01T11:00:00Z: stored up to position 2, nothing on Kafka"],
          "matching": 1, "inFlight": [],
          "notCompared": {"hosts (host assignments are not published)": ["host:h1"]}}}
        """;

    var run = verify();

    assertThat(run.exitCode).isEqualTo(UpgradeCli.REFUSED);
    assertThat(run.out)
        .contains("intact: 3 aggregates, 12 events checked")
        .contains("c1: BROKEN at position 4")
        .contains("c2: NOT PUBLISHED since 2026-12-01T11:00:00Z")
        .contains("heads of 1 aggregates match the copy on Kafka")
        .contains("not compared: 1 hosts (host assignments are not published): host:h1");
  }

  @Test
  void exitsZeroWhenEveryChainIsIntactAndEveryHeadMatches() {
    verification =
        """
        {"aggregates": 2, "events": 9, "intact": true, "broken": [], "heads": [], "ok": true,
         "published": {"problems": [], "matching": 2, "inFlight": [], "notCompared": {}}}
        """;

    var run = verify();

    assertThat(run.exitCode).as(run.out).isZero();
    assertThat(run.out).contains("heads of 2 aggregates match the copy on Kafka");
  }

  private record Run(int exitCode, String out) {}

  private Run verify() {
    var out = new StringWriter();
    var commandLine = UpgradeCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    var url = "http://127.0.0.1:" + commandService.getAddress().getPort();
    int exit = commandLine.execute("verify", "--command-url", url, "--token", "audit-token");
    return new Run(exit, out.toString());
  }
}
