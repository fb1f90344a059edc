package dev.upgradetracker.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.cli.FakeCommandService;
import dev.upgradetracker.cli.UpgradeCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code upgrade verify} prints of the command service's verification, and its exit code. */
class VerifyCommandTest {

  private final FakeCommandService commandService = new FakeCommandService();
  private String verification;

  @AfterEach
  void stop() {
    commandService.close();
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

    assertThat(run.exitCode()).isEqualTo(UpgradeCli.REFUSED);
    assertThat(run.out())
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

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("heads of 2 aggregates match the copy on Kafka");
  }

  private FakeCommandService.Run verify() {
    commandService.answer("/api/verification", verification);
    return commandService.run("verify");
  }
}
