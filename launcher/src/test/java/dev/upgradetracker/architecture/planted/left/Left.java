package dev.upgradetracker.architecture.planted.left;

import dev.upgradetracker.architecture.planted.right.Right;

/** Planted for {@code ArchitectureTest}: one half of a package cycle. */
public class Left {

  Right right;
}
