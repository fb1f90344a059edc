package dev.upgradetracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code upgrade help}, {@code upgrade help <command>} and {@code --help} wherever one asks. */
class HelpTest {

  @Test
  void helpListsEveryCommand() {
    var help = FakeCommandService.runAlone("help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: upgrade")
        .contains("fleet", "hosts", "plan", "campaign", "watch", "history", "state", "diff")
        .contains("verify");
  }

  @Test
  void helpOfACommandShowsItsUsage() {
    var help = FakeCommandService.runAlone("help", "plan");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: upgrade plan");
  }

  @Test
  void everyCommandAndSubcommandAnswersHelpWithItsUsage() {
    var paths = CommandTree.all();

    assertThat(paths).contains(List.of("campaign", "retry"), List.of("hosts", "assign"));
    for (var path : paths) {
      var args = new ArrayList<>(path);
      args.add("--help");
      var help = FakeCommandService.runAlone(args.toArray(String[]::new));
      assertThat(help.exitCode()).as(String.join(" ", path)).isZero();
      assertThat(help.out())
          .as(String.join(" ", path))
          .contains("Usage: upgrade " + String.join(" ", path));
    }
  }
}
