package dev.upgradetracker.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions the build wrote into this module (test-infrastructure.properties). */
final class BuildVersions {

  private BuildVersions() {}

  static String kafka() {
    var versions = new Properties();
    try (var in = BuildVersions.class.getResourceAsStream("/test-infrastructure.properties")) {
      versions.load(in);
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(
          new IOException("test-infrastructure.properties missing from the class path", e));
    }
    return versions.getProperty("kafka.version");
  }
}
