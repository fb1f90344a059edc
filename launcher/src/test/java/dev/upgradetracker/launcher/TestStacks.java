package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.VmHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Stacks for tests and benchmarks: free ports, a data directory of their own, a given fleet. */
final class TestStacks {

  private TestStacks() {}

  /**
   * The embedded default on free ports under {@code dataDir}, simulating and registering {@code
   * clusters}.
   */
  static LauncherSettings on(Path dataDir, ClusterSpec... clusters) {
    return new LauncherSettings(
        LauncherSettings.repositoryRoot(),
        dataDir,
        Optional.empty(),
        freePort(),
        freePort(),
        freePort(),
        freePort(),
        0,
        0,
        LauncherSettings.DEMO_TEAM_TOKENS,
        Optional.of(new Fleet(List.of(clusters))));
  }

  /** A host on HP-UX 11i v2, Integrity VM A.03.50, Serviceguard A.11.18, at any free SSH port. */
  static VmHost host(String name) {
    return new VmHost(name, "", "B.11.23", "A.03.50", "A.11.18");
  }

  static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
