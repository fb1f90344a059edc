package dev.upgradetracker.kafka;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.jar.JarFile;

/** How to start a Java process of our own that runs with this JVM's Java and classes. */
final class ChildJvm {

  private ChildJvm() {}

  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * This JVM's class path. A fork whose class path is one manifest-only jar (Surefire's way round
   * long command lines) gets that jar's entries: the jar itself is deleted when the fork ends,
   * while the child may live on.
   */
  static String classPath() throws IOException {
    var entries = System.getProperty("java.class.path").split(File.pathSeparator);
    if (entries.length != 1 || !entries[0].endsWith(".jar")) {
      return String.join(File.pathSeparator, entries);
    }
    var jar = Path.of(entries[0]).toAbsolutePath();
    try (var file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      var listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (listed == null || listed.isBlank()) {
        return jar.toString();
      }
      var paths = new ArrayList<String>();
      for (var entry : listed.trim().split("\\s+")) {
        paths.add(Path.of(jar.toUri().resolve(entry)).toString());
      }
      return String.join(File.pathSeparator, paths);
    }
  }
}
