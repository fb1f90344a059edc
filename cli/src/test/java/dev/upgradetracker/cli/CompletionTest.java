package dev.upgradetracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code upgrade completion}: the shell completes commands, subcommands and their options. */
class CompletionTest {

  @Test
  void theCompletionScriptKnowsEveryCommandAndItsOptions() {
    var run = FakeCommandService.runAlone("completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("complete -F _complete_upgrade")
        .contains("upgrade")
        .contains("set-context")
        .contains("approve")
        .contains("--output");
    for (var path : CommandTree.all()) {
      assertThat(run.out()).as(String.join(" ", path)).contains(path.getLast());
    }
  }
}
