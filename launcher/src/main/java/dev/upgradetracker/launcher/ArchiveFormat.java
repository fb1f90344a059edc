package dev.upgradetracker.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a service's startup archive holds, by the JDK that runs it. Both are recorded as a service
 * ends and used by its next starts; both write their header last.
 */
enum ArchiveFormat {
  /**
   * JDK 25's AOT cache (JEPs 483, 514): the classes loaded and linked, and nothing of the recording
   * run's compilation. The run that records it is compiled by C1 alone: a cache recorded so starts
   * faster than one recorded with C2's profiles (JEP 515). It records no training data: with the C1
   * run's, the JIT compiled every method the cache named at C1's final level and kept it there, so
   * a service never reached C2 for its hot code. On the 2-core machine, 2026-12-04: {@code ./run}
   * printed its URLs after 17.7–18.2 s against 29.0–29.3 s from a CDS archive (22–30 s from a cache
   * recorded with C2); a restarted command service started in 2.5–3 s (3.8–4.7 s recorded with C2,
   * 5–9 s from CDS). Without the training data, the same hour: {@code ./run} 21–26 s against 18–22
   * s with it, the first command 125–140 ms against 80–117 ms, and a command 3.3 ms of the command
   * service's CPU against 4.3 ms once warm.
   */
  // named apart from the caches recorded with training data before 2026-12-04, which it replaces
  AOT_CACHE("-classes.aot") {
    @Override
    List<String> options(Path archive, boolean records) {
      var options = new ArrayList<String>();
      if (records) {
        options.add("-XX:AOTCacheOutput=" + archive);
        options.add("-XX:TieredStopAtLevel=1");
        // the flag that keeps the training data out of the cache is a diagnostic one in JDK 25
        options.add("-XX:+UnlockDiagnosticVMOptions");
        options.add("-XX:-AOTRecordTraining");
      } else {
        options.add("-XX:AOTCache=" + archive);
      }
      // which classes could not be cached is no news to anyone reading a service's log
      options.add("-Xlog:aot*=error");
      options.add("-Xlog:cds*=error");
      return options;
    }
  },
  /** Before JDK 25: a dynamic class-data-sharing archive of the classes loaded. */
  CDS(".jsa") {
    @Override
    List<String> options(Path archive, boolean records) {
      return List.of(
          "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=error");
    }
  };

  private final String suffix;

  ArchiveFormat(String suffix) {
    this.suffix = suffix;
  }

  String suffix() {
    return suffix;
  }

  abstract List<String> options(Path archive, boolean records);

  static ArchiveFormat of(Runtime.Version jdk) {
    return jdk.feature() >= 25 ? AOT_CACHE : CDS;
  }

  /**
   * Any archive of a format this enum names, by its file's extension, whatever it was recorded as.
   */
  static boolean isArchive(String fileName) {
    return Arrays.stream(values())
        .anyMatch(
            format -> fileName.endsWith(format.suffix.substring(format.suffix.lastIndexOf('.'))));
  }
}
