package dev.upgradetracker.architecture.planted.shell;

import dev.upgradetracker.architecture.planted.model.RuleRefused;

/** Planted for {@code ArchitectureTest}: a shell that checks a rule by itself. */
public class RefusingShell {

  void refuse() {
    throw new RuleRefused();
  }
}
