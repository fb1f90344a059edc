package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StartupArchiveTest {

  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir Path target;

  @ParameterizedTest
  @EnumSource(ArchiveFormat.class)
  void aJarIsExtractedOnceAndItsArchiveIsRecordedUntilOneIsComplete(ArchiveFormat format)
      throws Exception {
    var jar = builtExecutorJar();

    var first = StartupArchive.of(jar, JAVA, List.of(), format);
    assertThat(first.jar()).isRegularFile().hasFileName(jar.getFileName().toString());
    assertThat(first.jar().resolveSibling("lib")).isDirectory();
    assertThat(first.archive().getFileName().toString()).endsWith(format.suffix());
    assertThat(first.records()).as("no archive yet: this start records one").isTrue();
    assertThat(first.jvmOptions())
        .filteredOn(option -> !option.startsWith("-Xlog:"))
        .containsExactlyElementsOf(recording(format, first.archive()));

    Files.write(first.archive(), new byte[8192]);
    assertThat(StartupArchive.of(jar, JAVA, List.of(), format).records())
        .as("a recording cut short before its header: recorded again")
        .isTrue();

    Files.write(first.archive(), new byte[] {(byte) 0xa8, (byte) 0xba, 0x0b, (byte) 0xf0});
    var next = StartupArchive.of(jar, JAVA, List.of(), format);
    assertThat(next.records()).as("a complete archive is used").isFalse();
    assertThat(next.jvmOptions())
        .filteredOn(option -> !option.startsWith("-Xlog:"))
        .containsExactlyElementsOf(startingFrom(format, first.archive()));
    assertThat(next.jar()).as("the same extraction").isEqualTo(first.jar());
  }

  @Test
  void jdk25StartsFromAnAotCacheAndEarlierJdksFromACdsArchive() {
    assertThat(ArchiveFormat.of(Runtime.Version.parse("25.0.3")))
        .isEqualTo(ArchiveFormat.AOT_CACHE);
    assertThat(ArchiveFormat.of(Runtime.Version.parse("21.0.9"))).isEqualTo(ArchiveFormat.CDS);
  }

  @Test
  void anArchiveOfTheFormatNoLongerChosenIsReplaced() throws Exception {
    var jar = builtExecutorJar();
    var cds = StartupArchive.of(jar, JAVA, List.of(), ArchiveFormat.CDS);
    Files.write(cds.archive(), new byte[] {(byte) 0xa8, (byte) 0xba, 0x0b, (byte) 0xf0});

    var aot = StartupArchive.of(jar, JAVA, List.of(), ArchiveFormat.AOT_CACHE);

    assertThat(aot.records()).as("no AOT cache yet: this start records one").isTrue();
    assertThat(cds.archive()).as("the CDS archive, no longer used, is removed").doesNotExist();
  }

  @Test
  void anAotCacheRecordedWithItsTrainingDataBeforeIsReplacedByOneOfClassesOnly() throws Exception {
    var jar = builtExecutorJar();
    var current = StartupArchive.of(jar, JAVA, List.of(), ArchiveFormat.AOT_CACHE);
    var classesOnly = current.archive().getFileName().toString();
    var trained =
        current
            .archive()
            .resolveSibling(classesOnly.replace(ArchiveFormat.AOT_CACHE.suffix(), ".aot"));
    Files.write(trained, new byte[] {(byte) 0xa8, (byte) 0xba, 0x0b, (byte) 0xf0});

    var next = StartupArchive.of(jar, JAVA, List.of(), ArchiveFormat.AOT_CACHE);

    assertThat(next.records()).as("no cache of classes only yet: this start records one").isTrue();
    assertThat(trained).as("the cache recorded with training data is removed").doesNotExist();
  }

  @Test
  void anArchiveRecordedForAnotherObjectLayoutIsReplacedByOneOfThisLayout() throws Exception {
    var jar = builtExecutorJar();
    var plain = StartupArchive.of(jar, JAVA, List.of(), ArchiveFormat.AOT_CACHE);
    Files.write(plain.archive(), new byte[] {(byte) 0xa8, (byte) 0xba, 0x0b, (byte) 0xf0});

    var compact =
        StartupArchive.of(
            jar, JAVA, List.of("-XX:+UseCompactObjectHeaders"), ArchiveFormat.AOT_CACHE);

    assertThat(compact.archive()).isNotEqualTo(plain.archive());
    assertThat(compact.records()).as("none of this layout yet: this start records one").isTrue();
    assertThat(plain.archive())
        .as("the other layout's, no longer chosen, is removed")
        .doesNotExist();
    assertThat(compact.jvmOptions())
        .as("the service runs with the layout its archive is recorded for")
        .startsWith("-XX:+UseCompactObjectHeaders")
        .contains("-XX:AOTCacheOutput=" + compact.archive());
  }

  @Test
  void aJarRebuiltFromTheSameSourcesKeepsItsExtractionAndArchive() throws Exception {
    var jar = builtExecutorJar();
    var before = StartupArchive.of(jar, JAVA, List.of());
    Files.write(before.archive(), new byte[] {(byte) 0xa8, (byte) 0xba, 0x0b, (byte) 0xf0});

    // Maven rewrites the jar at every package: other times, the same entries
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    var after = StartupArchive.of(jar, JAVA, List.of());

    assertThat(after.jar()).isEqualTo(before.jar());
    assertThat(after.records()).as("its archive is used").isFalse();
  }

  @Test
  void aJarWithOtherContentIsExtractedAnewAndTheOlderExtractionRemoved() throws Exception {
    var jar = builtExecutorJar();
    var before = StartupArchive.of(jar, JAVA, List.of());

    try (var zip = FileSystems.newFileSystem(jar)) {
      Files.writeString(zip.getPath("BOOT-INF/classes/changed.txt"), "a changed class");
    }
    var after = StartupArchive.of(jar, JAVA, List.of());

    assertThat(after.jar()).isRegularFile().isNotEqualTo(before.jar());
    assertThat(after.records()).isTrue();
    assertThat(before.jar().getParent()).doesNotExist();
  }

  private static List<String> recording(ArchiveFormat format, Path archive) {
    return switch (format) {
      // recorded by C1 alone and without its training data: classes only, so the JIT later compiles
      // the hot code with C2 instead of replaying the recording run's C1
      case AOT_CACHE ->
          List.of(
              "-XX:AOTCacheOutput=" + archive,
              "-XX:TieredStopAtLevel=1",
              "-XX:+UnlockDiagnosticVMOptions",
              "-XX:-AOTRecordTraining");
      case CDS -> List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
    };
  }

  private static List<String> startingFrom(ArchiveFormat format, Path archive) {
    return switch (format) {
      case AOT_CACHE -> List.of("-XX:AOTCache=" + archive);
      case CDS -> List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
    };
  }

  /** A copy of the executor's executable jar, as the build leaves it in its module's target. */
  private Path builtExecutorJar() throws Exception {
    var built = LauncherSettings.repositoryRoot().resolve("executor/target");
    try (var jars = Files.list(built)) {
      var jar = jars.filter(p -> p.toString().endsWith("-exec.jar")).findFirst().orElseThrow();
      return Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
