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
   * JDK 25's AOT cache (JEPs 483, 514): the classes loaded and linked. The run that records it is
   * compiled by C1 alone: a cache recorded so starts faster than one recorded with C2's profiles
   * (JEP 515), and answers sooner after a start. On the 2-core machine, 2026-12-04, interleaved
   * runs: {@code ./run} printed its URLs after 17.7–18.2 s against 29.0–29.3 s from a CDS archive
   * (22–30 s from a cache recorded with C2); a restarted command service started in 2.5–3 s
   * (3.8–4.7 s recorded with C2, 5–9 s from CDS), and its first command took 75–168 ms (109–287,
   * 168–300).
   */
  AOT_CACHE(".aot") {
    @Override
    List<String> options(Path archive, boolean records) {
      var options = new ArrayList<String>();
      if (records) {
        options.add("-XX:AOTCacheOutput=" + archive);
        options.add("-XX:TieredStopAtLevel=1");
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

  static boolean isArchive(String fileName) {
    return Arrays.stream(values()).anyMatch(format -> fileName.endsWith(format.suffix));
  }
}
