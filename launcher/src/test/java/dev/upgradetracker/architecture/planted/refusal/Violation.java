package dev.upgradetracker.architecture.planted.refusal;

/** Planted for {@code ArchitectureTest}: the base of rule refusals. */
public abstract class Violation extends RuntimeException {

  private static final long serialVersionUID = 1L;
}
