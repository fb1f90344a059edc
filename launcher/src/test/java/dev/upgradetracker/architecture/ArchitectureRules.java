package dev.upgradetracker.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /** The annotation a step declares the rules it checks with. */
  static final String CHECKS = "dev.upgradetracker.command.refusal.Checks";

  /**
   * The steps among {@code classes} that declare (with {@code checks}) a rule whose refusal
   * (annotated with {@code refuses}) neither they nor the methods they call ever make, as "step:
   * rule".
   */
  static List<String> stepsClaimingUncheckedRules(
      JavaClasses classes, String checks, String refuses) {
    var refusalOf = new HashMap<String, String>();
    classes.stream()
        .filter(c -> c.isAnnotatedWith(refuses))
        .forEach(
            c -> refusalOf.put(ruleOf(c.getAnnotationOfType(refuses).get("value")), c.getName()));
    var claims = new ArrayList<String>();
    for (var javaClass : classes) {
      for (var step : javaClass.getMethods()) {
        if (!step.isAnnotatedWith(checks)) {
          continue;
        }
        var constructed = constructedBy(step);
        for (var rule : (Object[]) step.getAnnotationOfType(checks).get("value").orElseThrow()) {
          if (!constructed.contains(refusalOf.get(ruleOf(Optional.of(rule))))) {
            claims.add(step.getFullName() + ": " + ruleOf(Optional.of(rule)));
          }
        }
      }
    }
    return claims;
  }

  /** The classes {@code step} constructs, itself or through the methods of its code it calls. */
  private static Set<String> constructedBy(JavaCodeUnit step) {
    var constructed = new HashSet<String>();
    var seen = new HashSet<JavaCodeUnit>();
    var next = new ArrayDeque<JavaCodeUnit>(List.of(step));
    var ours = step.getOwner().getPackageName().split("\\.model")[0];
    while (!next.isEmpty()) {
      var unit = next.pop();
      if (!seen.add(unit)) {
        continue;
      }
      unit.getConstructorCallsFromSelf()
          .forEach(call -> constructed.add(call.getTargetOwner().getName()));
      unit.getMethodCallsFromSelf().stream()
          .filter(call -> call.getTargetOwner().getPackageName().startsWith(ours))
          .flatMap(call -> call.getTarget().resolveMember().stream())
          .forEach(next::push);
    }
    return constructed;
  }

  private static String ruleOf(Optional<Object> value) {
    return value.map(v -> ((JavaEnumConstant) v).name()).orElse("none");
  }

  /** Every package of every module: a dependency goes one way or not at all. */
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("dev.upgradetracker.(**)").should().beFreeOfCycles();

  private ArchitectureRules() {}
}
