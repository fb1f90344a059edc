package dev.upgradetracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ahead-of-time cache's training run makes real calls, each of which must succeed. */
class AotTrainingTest {

  @Test
  void theTrainingRunsACallOfEachOutputFormatAgainstItsStandInWithoutAFailure() {
    var run = FakeCommandService.runAlone("aot-training");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
  }
}
