package dev.upgradetracker.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure every module keeps, read from the compiled classes of every module of the build
 * ({@code ../<module>/target/classes}): this module builds last.
 */
class ArchitectureTest {

  private static final JavaClasses PRODUCTION = production();
  private static final String PLANTED = "dev.upgradetracker.architecture.planted.";
  private static final String CLUSTER_MODEL = "dev.upgradetracker.command.cluster.model.";

  @Test
  void noModelDependsOnAFramework() {
    ArchitectureRules.MODELS_ARE_PURE.check(PRODUCTION);
  }

  @Test
  void noPackageCycleInAnyModule() {
    ArchitectureRules.NO_PACKAGE_CYCLES.check(PRODUCTION);
  }

  @Test
  void onlyModelsMakeRuleRefusals() {
    ArchitectureRules.RULE_REFUSALS_ARE_MADE_IN_MODELS.check(PRODUCTION);
  }

  /** R1–R9, each refused by exactly one class, in the model that checks the rule. */
  @Test
  void eachRuleIsRefusedByOneModelClass() {
    var refusing = new TreeMap<String, List<String>>();
    for (var refusal : PRODUCTION) {
      if (refusal.isAssignableTo(ArchitectureRules.RULE_VIOLATION)
          && !refusal.getModifiers().contains(JavaModifier.ABSTRACT)) {
        var rule =
            refusal
                .tryGetAnnotationOfType(ArchitectureRules.REFUSES)
                .flatMap(refuses -> refuses.get("value"))
                .map(value -> ((JavaEnumConstant) value).name())
                .orElse("no @Refuses");
        refusing.computeIfAbsent(rule, r -> new ArrayList<>()).add(refusal.getFullName());
      }
    }

    assertThat(refusing)
        .containsExactly(
            entry("R1", List.of(CLUSTER_MODEL + "NotPrepared")),
            entry("R2", List.of(CLUSTER_MODEL + "NodeNotDrained")),
            entry("R3", List.of(CLUSTER_MODEL + "AnotherNodeUpgrading")),
            entry("R4", List.of(CLUSTER_MODEL + "KitBeforeLastHost")),
            entry("R5", List.of(CLUSTER_MODEL + "InvalidMoveTarget")),
            entry("R6", List.of(CLUSTER_MODEL + "QuorumWouldBeLost")),
            entry("R7", List.of(CLUSTER_MODEL + "ConfigChangeWhileMixed")),
            entry("R8", List.of("dev.upgradetracker.command.ownership.model.NotOwner")),
            entry("R9", List.of(CLUSTER_MODEL + "CampaignAlreadyActive")));
  }

  /** What a plan says a step checks is what the step's own code refuses. */
  @Test
  void eachStepRefusesTheRulesItDeclares() {
    assertThat(
            ArchitectureRules.stepsClaimingUncheckedRules(
                PRODUCTION, ArchitectureRules.CHECKS, ArchitectureRules.REFUSES))
        .isEmpty();
  }

  /** The rules are not vacuous: planted breaches of each are caught. */
  @Test
  void aPlantedFrameworkInAModelACycleAndARefusalMadeInAShellAreCaught() {
    var planted = new ClassFileImporter().importPackages("dev.upgradetracker.architecture.planted");

    assertThatThrownBy(() -> ArchitectureRules.MODELS_ARE_PURE.check(planted))
        .hasMessageContaining("LeakyDecider")
        .hasMessageContaining("org.springframework");
    assertThatThrownBy(() -> ArchitectureRules.NO_PACKAGE_CYCLES.check(planted))
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("planted.left")
        .hasMessageContaining("planted.right");
    assertThatThrownBy(
            () ->
                ArchitectureRules.refusalsMadeInModels(
                        "dev.upgradetracker.architecture.planted.refusal.Violation")
                    .check(planted))
        .hasMessageContaining("RefusingShell")
        .hasMessageContaining("RuleRefused");
    assertThat(
            ArchitectureRules.stepsClaimingUncheckedRules(
                planted, PLANTED + "refusal.Checks", PLANTED + "refusal.Refuses"))
        .containsExactly(PLANTED + "model.Steps.claimed(boolean): P2");
  }

  private static JavaClasses production() {
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      var classes =
          modules.map(m -> m.resolve("target/classes")).filter(Files::isDirectory).toList();
      if (classes.size() < 10) {
        throw new IllegalStateException(
            "found the compiled classes of " + classes.size() + " modules only: " + classes);
      }
      return new ClassFileImporter().importPaths(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
