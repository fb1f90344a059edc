package dev.upgradetracker.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
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

  /** The refusal every rule (R1–R9) ends in: the command service's {@code RuleViolation}. */
  static final String RULE_VIOLATION = "dev.upgradetracker.command.refusal.RuleViolation";

  /** Its annotation naming the rule. */
  static final String REFUSES = "dev.upgradetracker.command.refusal.Refuses";

  /** A rule is checked, and its refusal made, in its model: a shell only passes refusals on. */
  static final ArchRule RULE_REFUSALS_ARE_MADE_IN_MODELS = refusalsMadeInModels(RULE_VIOLATION);

  /** No class outside a {@code model} constructs a subclass of {@code violation}. */
  static ArchRule refusalsMadeInModels(String violation) {
    return noClasses()
        .that()
        .resideOutsideOfPackage("..model..")
        .should()
        .callConstructorWhere(target(owner(assignableTo(violation))))
        .because("a shell that refused by itself would be a rule checked outside its model");
  }

  /** Every package of every module: a dependency goes one way or not at all. */
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("dev.upgradetracker.(**)").should().beFreeOfCycles();

  private ArchitectureRules() {}
}
