package dev.upgradetracker.architecture.planted.model;

import dev.upgradetracker.architecture.planted.refusal.Checks;
import dev.upgradetracker.architecture.planted.refusal.PlantedRule;

/**
 * Planted for {@code ArchitectureTest}: one step keeps its word, one claims a rule it never checks.
 */
public final class Steps {

  private Steps() {}

  @Checks(PlantedRule.P1)
  static void checked(boolean breach) {
    refuseIf(breach);
  }

  @Checks({PlantedRule.P1, PlantedRule.P2})
  static void claimed(boolean breach) {
    refuseIf(breach);
  }

  private static void refuseIf(boolean breach) {
    if (breach) {
      throw new RuleRefused();
    }
  }
}
