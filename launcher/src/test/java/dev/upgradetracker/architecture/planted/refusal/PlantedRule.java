package dev.upgradetracker.architecture.planted.refusal;

/** Planted for {@code ArchitectureTest}: the rules. */
public enum PlantedRule {
  P1,
  P2
}
