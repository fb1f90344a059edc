package dev.upgradetracker.architecture.planted.refusal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Planted for {@code ArchitectureTest}: the rules a step declares it checks. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Checks {
  PlantedRule[] value();
}
