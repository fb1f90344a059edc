package dev.upgradetracker.testinfra;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The one decision of where the tests' broker and databases come from, from the setting {@value
 * #PROPERTY} (or the environment's {@value #VARIABLE}): {@code auto} (the default) takes containers
 * where a Docker engine answers and the local ones otherwise; {@code local} and {@code containers}
 * insist, and {@code containers} without Docker is an error rather than a quiet change.
 */
public final class BackendChoice {

  public static final String PROPERTY = "ut.test.infra";
  public static final String VARIABLE = "UT_TEST_INFRA";

  private BackendChoice() {}

  /** Docker is asked only when the setting leaves the choice to it. */
  public static TestBackend of(String setting, BooleanSupplier dockerAnswers) {
    var chosen = setting == null || setting.isBlank() ? "auto" : setting.strip();
    return switch (chosen.toLowerCase(Locale.ROOT)) {
      case "auto" -> dockerAnswers.getAsBoolean() ? TestBackend.CONTAINERS : TestBackend.LOCAL;
      case "local" -> TestBackend.LOCAL;
      case "containers" -> {
        if (!dockerAnswers.getAsBoolean()) {
          throw new IllegalStateException(
              VARIABLE
                  + "=containers (or -D"
                  + PROPERTY
                  + "), but no Docker engine answers here: start one, or choose local or auto");
        }
        yield TestBackend.CONTAINERS;
      }
      default ->
          throw new IllegalArgumentException(
              VARIABLE
                  + " (or -D"
                  + PROPERTY
                  + ") must be auto, local or containers, not '"
                  + chosen
                  + "'");
    };
  }
}
