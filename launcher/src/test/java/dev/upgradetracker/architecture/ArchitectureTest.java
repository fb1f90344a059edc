package dev.upgradetracker.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure every module keeps, read from the compiled classes of every module of the build
 * ({@code ../<module>/target/classes}): this module builds last.
 */
class ArchitectureTest {

  private static final JavaClasses PRODUCTION = production();

  @Test
  void noModelDependsOnAFramework() {
    ArchitectureRules.MODELS_ARE_PURE.check(PRODUCTION);
  }

  @Test
  void noPackageCycleInAnyModule() {
    ArchitectureRules.NO_PACKAGE_CYCLES.check(PRODUCTION);
  }

  /** The rules are not vacuous: planted breaches of each are caught. */
  @Test
  void aPlantedFrameworkInAModelAndAPlantedCycleAreCaught() {
    var planted = new ClassFileImporter().importPackages("dev.upgradetracker.architecture.planted");

    assertThatThrownBy(() -> ArchitectureRules.MODELS_ARE_PURE.check(planted))
        .hasMessageContaining("LeakyDecider")
        .hasMessageContaining("org.springframework");
    assertThatThrownBy(() -> ArchitectureRules.NO_PACKAGE_CYCLES.check(planted))
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("planted.left")
        .hasMessageContaining("planted.right");
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
