package dev.upgradetracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules the code's structure keeps, each checked over every module by {@link ArchitectureTest}.
 */
final class ArchitectureRules {

  /** What a pure model never touches: the frameworks and I/O of its shell. */
  static final String[] FRAMEWORKS = {
    "org.springframework..",
    "org.axonframework..",
    "org.apache.kafka..",
    "tools.jackson.databind..",
    "com.fasterxml.jackson.databind..",
    "java.sql..",
    "javax.sql..",
    "jakarta.persistence..",
    "jakarta.servlet..",
    "io.micrometer.."
  };

  /** Decisions are plain functions of state and command: no framework in a {@code model}. */
  static final ArchRule MODELS_ARE_PURE =
      noClasses()
          .that()
          .resideInAPackage("..model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS)
          .because("a model is decided and evolved without Spring, Axon, Kafka, Jackson or JDBC");

  /** Every package of every module: a dependency goes one way or not at all. */
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("dev.upgradetracker.(**)").should().beFreeOfCycles();

  private ArchitectureRules() {}
}
