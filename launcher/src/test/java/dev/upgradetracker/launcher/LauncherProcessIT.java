package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.kafka.SharedTestBroker;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as {@code ./run} starts it, a process of its own: killed with SIGKILL, it leaves no
 * service behind and the next start on the same data and ports works; SIGTERM (Ctrl-C) stops it and
 * every service within 5 s.
 */
class LauncherProcessIT {

  @TempDir Path dataDir;

  @Test
  void aLauncherKilledWithSigkillLeavesNoServiceBehindAndOneStoppedWithSigtermStopsWithin5s()
      throws Exception {
    var ports =
        Map.of(
            "COMMAND_SERVICE_PORT", TestStacks.freePort(),
            "QUERY_SERVICE_PORT", TestStacks.freePort(),
            "EXECUTOR_PORT", TestStacks.freePort());
    var launcher = start(ports);
    try {
      awaitRunning(launcher);
      var services = launcher.descendants().filter(this::isService).toList();
      assertThat(services).as("the three services run under the launcher").hasSize(3);

      launcher.destroyForcibly().waitFor();

      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (services.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(services)
          .as("each service ends when its launcher is gone")
          .noneMatch(ProcessHandle::isAlive);
      for (var port : ports.values()) {
        assertThat(free(port)).as("port %d free for the next start", port).isTrue();
      }
    } finally {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }

    var again = start(ports);
    try {
      awaitRunning(again);
      var services = again.descendants().filter(this::isService).toList();
      long stopping = System.nanoTime();
      again.destroy();
      again.waitFor(10, TimeUnit.SECONDS);
      while (services.stream().anyMatch(ProcessHandle::isAlive)
          && System.nanoTime() - stopping < Duration.ofSeconds(10).toNanos()) {
        Thread.sleep(50);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - stopping))
          .as("SIGTERM stops the launcher and its services")
          .isLessThan(Duration.ofSeconds(5));
      assertThat(again.isAlive()).isFalse();
    } finally {
      again.descendants().forEach(ProcessHandle::destroyForcibly);
      again.destroyForcibly();
    }
  }

  private Process start(Map<String, Integer> ports) throws IOException {
    var classpath =
        "target/classes"
            + File.pathSeparator
            + Files.readString(Path.of("target/test.classpath")).trim();
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-Dut.home=" + LauncherSettings.repositoryRoot(),
            "-cp",
            classpath,
            Launcher.class.getName()));
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("launcher.log").toFile()));
    var env = builder.environment();
    env.put("UT_DATA_DIR", dataDir.resolve("data").toString());
    env.put("KAFKA_BOOTSTRAP_SERVERS", SharedTestBroker.bootstrapServers());
    env.put("KAFKA_NAMESPACE", SharedTestBroker.namespace("launcher-process"));
    env.put("KAFKA_PARTITIONS", "4");
    env.put("SIMULATOR_BASE_PORT", "0");
    env.put("SIMULATOR_SIDE_EFFECTS_PORT", "0");
    env.put("DEMO_CLUSTERS", "1");
    ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
    return builder.start();
  }

  private void awaitRunning(Process launcher) throws Exception {
    var log = dataDir.resolve("launcher.log");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    long seen = countOf(log);
    while (countOf(log) == seen) {
      assertThat(launcher.isAlive()).as("the launcher runs: %s", Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("started within 3 minutes").isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  /** How often the log says the launcher runs: each start appends to it. */
  private static long countOf(Path log) throws IOException {
    return Files.exists(log)
        ? Files.readString(log)
            .lines()
            .filter(l -> l.contains("Upgrade Tracker is running"))
            .count()
        : 0;
  }

  private boolean isService(ProcessHandle process) {
    return process.info().commandLine().orElse("").contains("-exec.jar");
  }

  private static boolean free(int port) {
    try (var socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
