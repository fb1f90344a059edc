package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.kafka.ChildJit;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as {@code ./run} starts it, the launcher a process of its own with its own Kafka
 * broker: a guest move sent over REST runs over SSH on the simulated host and shows in the view;
 * killed with SIGKILL, the launcher leaves no service behind, and the next start on the same data
 * and ports shows the same view, each service started from the startup archive recorded once its
 * module's first start was healthy; SIGTERM (Ctrl-C) stops it and every service within 5 s.
 */
// first of the module's tests: its first run records the startup archives the stacks after it use
@Order(1)
class LauncherProcessIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CLUSTER = "demo-01";
  private static final String GUEST = "demo-01-g1";
  private static final String TARGET = "demo-01-vmh2";

  // kept when the test fails: the services' logs tell why
  @TempDir(factory = InTarget.class, cleanup = CleanupMode.ON_SUCCESS)
  Path dataDir;

  /** Temporary directories under the module's {@code target}. */
  static final class InTarget implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
        throws IOException {
      var target = Files.createDirectories(Path.of("target", "tmp").toAbsolutePath());
      return Files.createTempDirectory(target, "launcher-process-");
    }
  }

  @Test
  void aGuestMovedOverRestShowsAcrossASigkilledLauncherAndSigtermStopsEverythingWithin5s()
      throws Exception {
    var ports =
        Map.of(
            "COMMAND_SERVICE_PORT", TestStacks.freePort(),
            "QUERY_SERVICE_PORT", TestStacks.freePort(),
            "EXECUTOR_PORT", TestStacks.freePort(),
            "SIMULATOR_SIDE_EFFECTS_PORT", TestStacks.freePort(),
            "KAFKA_PORT", TestStacks.freePort());
    JsonNode viewBefore;
    var launcher = start(ports);
    try {
      awaitRunning(launcher);
      var services = launcher.descendants().filter(this::isService).toList();
      assertThat(services).as("the three services run under the launcher").hasSize(3);
      assertThat(warningsLogged()).as("a normal start logs no warning").isEmpty();

      var accepted =
          Http.postJson(
              url(ports, "COMMAND_SERVICE_PORT")
                  + "/api/clusters/"
                  + CLUSTER
                  + "/guests/"
                  + GUEST
                  + "/move",
              "alpha-token",
              "{\"toHost\":\"" + TARGET + "\"}");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      viewBefore = awaitView(ports, view -> hostOf(view, GUEST).equals(TARGET));
      var action = viewBefore.get("actions").get(0);
      assertThat(action.get("status").asString()).isEqualTo("SUCCEEDED");
      assertThat(action.get("exitCode").asInt()).isZero();
      var ran =
          JSON.readTree(
              Http.get(url(ports, "SIMULATOR_SIDE_EFFECTS_PORT") + "/commands?cluster=" + CLUSTER)
                  .body());
      assertThat(ran.findValuesAsString("commandLine"))
          .as("over SSH on the simulated host, once")
          .containsOnlyOnce("cmhaltpkg " + GUEST, "cmrunpkg -n " + TARGET + " " + GUEST);
      assertThat(
              Http.get(url(ports, "QUERY_SERVICE_PORT") + "/api/clusters/" + CLUSTER).statusCode())
          .as("views need a token")
          .isEqualTo(401);
      for (var service : List.of("COMMAND_SERVICE_PORT", "QUERY_SERVICE_PORT", "EXECUTOR_PORT")) {
        assertThat(
                Http.get(url(ports, service) + "/actuator/prometheus", DemoIdentities.METRICS_TOKEN)
                    .body())
            .contains("jvm_memory_used_bytes");
      }

      launcher.destroyForcibly().waitFor();

      // a service that found no startup archive records one on its way out (an AOT cache: ~30 s,
      // within the 60 s the launcher gives it)
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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

    var archives = startupArchives();
    assertThat(archives).as("a startup archive of each module").hasSize(3);

    var again = start(ports);
    try {
      awaitRunning(again);
      var viewAfter =
          awaitView(
              ports,
              view -> view.get("lastSequence").asLong() >= viewBefore.get("lastSequence").asLong());
      assertThat(viewAfter).as("the same view after the restart").isEqualTo(viewBefore);

      var services = again.descendants().filter(this::isService).toList();
      assertThat(services)
          .as("each service started from its module's startup archive")
          .hasSize(3)
          .allSatisfy(
              service ->
                  assertThat(service.info().arguments().orElseThrow())
                      .anyMatch(
                          archives.keySet().stream().map(LauncherProcessIT::startingFrom).toList()
                              ::contains));
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
      assertThat(startupArchives())
          .as("used as they were, not recorded again: they fit the JVM and the jars")
          .isEqualTo(archives);
    } finally {
      again.descendants().forEach(ProcessHandle::destroyForcibly);
      again.destroyForcibly();
    }
  }

  private static String url(Map<String, Integer> ports, String port) {
    return "http://127.0.0.1:" + ports.get(port);
  }

  private static JsonNode awaitView(Map<String, Integer> ports, Predicate<JsonNode> wanted)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      var response =
          Http.get(url(ports, "QUERY_SERVICE_PORT") + "/api/clusters/" + CLUSTER, "alpha-token");
      if (response.statusCode() == 200) {
        last = JSON.readTree(response.body());
        if (wanted.test(last)) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the view never showed what was expected; last seen: " + last);
  }

  private static String hostOf(JsonNode view, String guest) {
    for (var g : view.get("guests")) {
      if (g.get("name").asString().equals(guest)) {
        return g.get("host").asString();
      }
    }
    return "";
  }

  private Process start(Map<String, Integer> ports) throws IOException {
    var classpath =
        "target/classes"
            + File.pathSeparator
            + Files.readString(Path.of("target/test.classpath")).trim();
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // compiled as every other test's stack is (the build's choice, ServiceProcess): the launcher,
    // which holds the broker and the simulator, and its services
    command.addAll(ChildJit.options());
    var jit = System.getProperty(ChildJit.PROPERTY);
    if (jit != null) {
      command.add("-D" + ChildJit.PROPERTY + "=" + jit);
    }
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
    env.put("KAFKA_PARTITIONS", "4");
    env.put("SIMULATOR_BASE_PORT", "0");
    env.put("DEMO_CLUSTERS", "1");
    ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
    return builder.start();
  }

  /** The lines of the services' logs (JSON, one event a line) at level WARN or ERROR. */
  private List<String> warningsLogged() throws IOException {
    var warnings = new ArrayList<String>();
    try (var logs = Files.list(dataDir.resolve("data").resolve("logs"))) {
      for (var log : logs.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        for (var line : Files.readAllLines(log)) {
          if (line.contains("\"level\":\"WARN\"") || line.contains("\"level\":\"ERROR\"")) {
            warnings.add(log.getFileName() + ": " + line);
          }
        }
      }
    }
    return warnings;
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

  private static final List<String> MODULES =
      List.of("command-service", "query-service", "executor");

  /** The modules' startup archives (of this build: earlier tests may have recorded them). */
  private static Map<Path, FileTime> startupArchives() throws IOException {
    var archives = new TreeMap<Path, FileTime>();
    for (var module : MODULES) {
      var fastStart =
          LauncherSettings.repositoryRoot().resolve(module).resolve("target/fast-start");
      try (var files = Files.walk(fastStart, 2)) {
        for (var archive :
            files.filter(p -> ArchiveFormat.isArchive(p.getFileName().toString())).toList()) {
          archives.put(archive, Files.getLastModifiedTime(archive));
        }
      }
    }
    return archives;
  }

  /** The option that starts a service from {@code archive}: the JDK's AOT cache or CDS archive. */
  private static String startingFrom(Path archive) {
    return archive.toString().endsWith(ArchiveFormat.AOT_CACHE.suffix())
        ? "-XX:AOTCache=" + archive
        : "-XX:SharedArchiveFile=" + archive;
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
