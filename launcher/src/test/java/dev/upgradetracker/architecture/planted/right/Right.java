package dev.upgradetracker.architecture.planted.right;

import dev.upgradetracker.architecture.planted.left.Left;

/** Planted for {@code ArchitectureTest}: the other half of a package cycle. */
public class Right {

  Left left;
}
