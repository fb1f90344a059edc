package dev.upgradetracker.architecture.planted.model;

import dev.upgradetracker.architecture.planted.refusal.PlantedRule;
import dev.upgradetracker.architecture.planted.refusal.Refuses;
import dev.upgradetracker.architecture.planted.refusal.Violation;

/** Planted for {@code ArchitectureTest}: a rule's refusal, in its model. */
@Refuses(PlantedRule.P1)
public class RuleRefused extends Violation {

  private static final long serialVersionUID = 1L;
}
