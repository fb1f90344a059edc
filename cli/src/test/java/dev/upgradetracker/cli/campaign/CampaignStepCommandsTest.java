package dev.upgradetracker.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.cli.FakeCommandService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ExitCode;

/** {@code upgrade campaign retry|skip|approve}: what each sends, and the campaign it prints. */
class CampaignStepCommandsTest {

  private final FakeCommandService services = new FakeCommandService();

  @BeforeEach
  void campaignAnswers() {
    services.answer(
        "/api/campaigns/spring",
        """
        {"campaignId": "spring", "status": "RUNNING", "team": "alpha",
         "counts": {"done": 0, "running": 1, "failed": 0, "pending": 0},
         "clusters": [{"clusterId": "c1", "phase": "AWAITING_APPROVAL", "stepsCompleted": 3,
                       "waiting": {"kind": "APPROVAL", "host": "h2",
                                   "since": "2026-11-29T13:16:49Z"}}]}
        """);
  }

  @AfterEach
  void stop() {
    services.close();
  }

  @Test
  void retryTakesUpTheClustersFailedStepAndPrintsTheCampaignAfterIt() {
    services.answer(
        "/api/campaigns/spring/clusters/c1/retry", "{\"campaignId\": \"spring\", \"position\": 9}");

    var run = services.run("campaign", "retry", "spring", "c1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(services.requests())
        .containsExactly(
            "POST /api/campaigns/spring/clusters/c1/retry ", "GET /api/campaigns/spring ");
    assertThat(run.out())
        .contains("campaign spring  RUNNING")
        .contains("c1")
        .contains("steps 3  [APPROVAL h2 since 2026-11-29T13:16:49Z]");
  }

  @Test
  void aRunningStepIsPrintedWithItsCommandHostAndUsualDuration() {
    services.answer(
        "/api/campaigns/autumn",
        """
        {"campaignId": "autumn", "status": "RUNNING", "team": "alpha",
         "counts": {"done": 0, "running": 1, "failed": 0, "pending": 0},
         "clusters": [{"clusterId": "c1", "phase": "RUNNING", "stepsCompleted": 4,
                       "waiting": {"kind": "STEP", "host": "h2", "command": "BackUpHost",
                                   "usual": "PT1M30S", "since": "2026-11-29T13:16:49Z"}}]}
        """);

    var run = services.run("campaign", "show", "autumn");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("steps 4  [STEP BackUpHost h2 since 2026-11-29T13:16:49Z, usually PT1M30S]");
  }

  @Test
  void skipSendsItsReason() {
    services.answer(
        "/api/campaigns/spring/clusters/c1/skip", "{\"campaignId\": \"spring\", \"position\": 9}");

    var run = services.run("campaign", "skip", "spring", "c1", "--reason", "backup taken by hand");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(services.requests())
        .first()
        .isEqualTo(
            "POST /api/campaigns/spring/clusters/c1/skip {\"reason\":\"backup taken by hand\"}");
  }

  @Test
  void approveSendsTheHostWhoseUpgradeWaits() {
    services.answer(
        "/api/campaigns/spring/clusters/c1/approve",
        "{\"campaignId\": \"spring\", \"position\": 9}");

    var run = services.run("campaign", "approve", "spring", "c1", "--host", "vmh2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(services.requests())
        .first()
        .isEqualTo("POST /api/campaigns/spring/clusters/c1/approve {\"host\":\"vmh2\"}");
  }

  @Test
  void aSkipWithoutAReasonOrAnApprovalWithoutAHostIsAUsageErrorThatSendsNothing() {
    var skip = services.run("campaign", "skip", "spring", "c1");
    var approve = services.run("campaign", "approve", "spring", "c1");

    assertThat(skip.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(skip.err()).contains("--reason");
    assertThat(approve.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(approve.err()).contains("--host");
    assertThat(services.requests()).isEmpty();
  }

  @Test
  void aCommandTheServiceAnswersWithAnErrorIsPrintedAndExitsOne() {
    var run = services.run("campaign", "retry", "spring", "c9");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("upgrade: ");
  }
}
