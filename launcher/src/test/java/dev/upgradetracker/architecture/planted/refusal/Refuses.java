package dev.upgradetracker.architecture.planted.refusal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Planted for {@code ArchitectureTest}: the rule a refusal refuses. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {
  PlantedRule value();
}
