package dev.upgradetracker.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.cli.FakeCommandService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upgrade fleet import} and {@code upgrade plan} print the inventory's warnings. */
class InventoryWarningsPrintedTest {

  private static final String WARNING =
      """
      {"kind": "KIT_BEFORE_LAST_HOST", "rule": "R4",
       "message": "1 guest runs the 4.0 guest kit while hosts h1, h2 still run Integrity VM 3.x",
       "hosts": ["h1", "h2"], "guests": ["g1"], "guestsInAll": 1}
      """;

  private final FakeCommandService commandService = new FakeCommandService();

  @AfterEach
  void stop() {
    commandService.close();
  }

  @Test
  void anImportPrintsEachRegisteredClustersWarningsBelowIt(@TempDir Path dir) throws IOException {
    var fleet = Files.writeString(dir.resolve("fleet.json"), "{\"clusters\": []}");
    commandService.answer(
        "/api/clusters/import",
        """
        {"registered": 2, "refused": 0, "clusters": [
          {"clusterId": "c1", "outcome": "REGISTERED", "position": 0, "warnings": [%s]},
          {"clusterId": "c2", "outcome": "REGISTERED", "position": 0, "warnings": []}]}
        """
            .formatted(WARNING));

    var run = commandService.run("fleet", "import", fleet.toString());

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out().lines().toList())
        .containsSubsequence(
            "REGISTERED c1",
            "           warning KIT_BEFORE_LAST_HOST (R4): 1 guest runs the 4.0 guest kit while"
                + " hosts h1, h2 still run Integrity VM 3.x",
            "REGISTERED c2");
  }

  @Test
  void aPlanPrintsItsWarningsUnderItsHeading() {
    commandService.answer(
        "/api/clusters/c1/plan",
        """
        {"clusterId": "c1", "topology": "GUESTS_AS_PACKAGES", "nodeOrder": ["h2", "h1"],
         "steps": [], "warnings": [%s]}
        """
            .formatted(WARNING));

    var run = commandService.run("plan", "c1");

    assertThat(run.out())
        .contains("nodes in order: h2, h1")
        .contains("warning KIT_BEFORE_LAST_HOST (R4): 1 guest runs the 4.0 guest kit");
  }
}
