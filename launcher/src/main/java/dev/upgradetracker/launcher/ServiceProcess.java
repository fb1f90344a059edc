package dev.upgradetracker.launcher;

import dev.upgradetracker.kafka.ChildJit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service running as a child JVM from its executable jar, its output in a log file. */
final class ServiceProcess implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(ServiceProcess.class);

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private final StartupArchive startup;

  private ServiceProcess(String name, int port, Path log, Process process, StartupArchive startup) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.startup = startup;
  }

  static ServiceProcess start(
      String module, Path home, int port, Map<String, String> env, Path logDir) throws IOException {
    return start(module, module, home, port, env, logDir);
  }

  /** Starts {@code module} as the instance called {@code name}, its output in {@code name.log}. */
  static ServiceProcess start(
      String module, String name, Path home, int port, Map<String, String> env, Path logDir)
      throws IOException {
    var startup = StartupArchive.of(executableJar(home, module), javaBinary(), objectLayout());
    if (startup.records()) {
      logger.info(
          "{} starts without a startup archive of this build: it records one, so it starts slower"
              + " and may run compiled by C1 alone until it ends (once per build)",
          name);
    }
    Files.createDirectories(logDir);
    var log = logDir.resolve(name + ".log");
    // its temporary files (Tomcat's, RocksDB's native library) beside its data, not in the OS's
    // temporary directory, which may be cleaned, or mounted noexec, under a running service
    var temporary = Files.createDirectories(logDir.resolveSibling("tmp").resolve(name));
    var command = new ArrayList<String>();
    command.add(javaBinary());
    command.addAll(jvmOptions(module));
    command.add("-Djava.io.tmpdir=" + temporary);
    command.addAll(startup.jvmOptions());
    command.add("-jar");
    command.add(startup.jar().toString());
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    // glibc gives every thread that allocates its own 64 MiB arena: resident memory without use
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    // the service ends when this JVM does, however it ends: its standard input is a pipe from here
    builder.environment().put("UT_STOP_WITH_LAUNCHER", "true");
    return new ServiceProcess(name, port, log, builder.start(), startup);
  }

  /** Waits until the service is up: its health answers 200 (UP, or DEGRADED while it serves). */
  void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    var url = baseUrl() + "/actuator/health";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " during start; last lines of "
                + log
                + ":\n"
                + tail());
      }
      try {
        var response = Http.get(url);
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        name + " was not healthy after " + timeout.toSeconds() + " s; see " + log + ":\n" + tail());
  }

  String name() {
    return name;
  }

  /** The heap the service uses now, from its Prometheus metrics (which need the metrics role). */
  long heapUsedBytes(String metricsToken) throws IOException, InterruptedException {
    return (long) metricSum(metricsToken, "jvm_memory_used_bytes{area=\"heap\"");
  }

  /**
   * The sum of the Prometheus samples whose line starts with {@code sample} (a name, or a name and
   * the start of its labels), as the service exposes them now.
   */
  double metricSum(String metricsToken, String sample) throws IOException, InterruptedException {
    var response = Http.get(baseUrl() + "/actuator/prometheus", metricsToken);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          name
              + " did not give its metrics: HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response
        .body()
        .lines()
        .filter(line -> line.startsWith(sample))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: the process ends at once, as in a crash. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, without waiting. */
  void terminate() {
    process.destroy();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Completes when the process ended, for whatever reason. */
  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  int exitCode() {
    return process.exitValue();
  }

  Path log() {
    return log;
  }

  /**
   * SIGTERM, so the service closes its consumers and stores; SIGKILL if it has not ended within 5 s
   * (what it had not finished is what a crash would cut short, which every service survives), or
   * within 60 s when it records its startup archive on the way out (once per build: an AOT cache
   * took 26–35 s with three services recording at once on the 2-core machine).
   */
  @Override
  public void close() {
    terminate();
    if (startup.records()) {
      logger.info(
          "{} records its startup archive on the way out, once per build (~30 s): {}",
          name,
          startup.archive());
    }
    try {
      if (!process.waitFor(startup.records() ? 60 : 4, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String tail() throws IOException {
    var lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static Path executableJar(Path home, String module) throws IOException {
    var target = home.resolve(module).resolve("target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        var jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
        if (jar.isPresent()) {
          return jar.get();
        }
      }
    }
    throw new IllegalStateException(
        "no executable jar of "
            + module
            + " under "
            + target
            + "; build first: ./mvnw -B -DskipTests package");
  }

  /**
   * The most heap each service may take. The serial collector lets the old generation grow to it
   * before a full collection, so a service's resident memory follows this bound, not its live
   * objects: over 1,000 clusters after 10,000 commands the command and query services kept ~80 MiB
   * live each. 160 MiB would keep the command service within 512 MiB there, but campaigns over 200
   * clusters on two instances ({@code ./bench fleet 200 10}) took it to 144 MiB of 160. The
   * executor holds 500 SSH sessions at once (~160 MiB, {@code ./bench executor}).
   */
  static String heap(String module) {
    return module.equals("executor") ? "384m" : "192m";
  }

  /** 4 bytes less in most objects' headers (JEP 519, a product option from JDK 25). */
  private static List<String> objectLayout() {
    return Runtime.version().feature() >= 25 ? List.of("-XX:+UseCompactObjectHeaders") : List.of();
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * Each service within 512 MiB resident (issue 18): a JVM otherwise starts with 1/64 of the
   * machine's memory as its heap and the collector touches all of it. So the heap starts small,
   * gives back what it does not need and stays within {@link #heap}; with glibc's arenas bounded
   * too ({@link #start}).
   */
  private static List<String> jvmOptions(String module) {
    var options =
        new ArrayList<>(
            List.of(
                "-Xms64m",
                "-Xmx" + heap(module),
                "-XX:+UseSerialGC",
                "-XX:MinHeapFreeRatio=20",
                "-XX:MaxHeapFreeRatio=40",
                // a small start no longer means a full collection at every step of class loading
                "-XX:MetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=96m",
                "-Daxoniq.update-checker.disabled=true",
                "--enable-native-access=ALL-UNNAMED"));
    if (Runtime.version().feature() >= 22) {
      // what the compilers and freed code leave in glibc's heap goes back to the system
      options.add("-XX:TrimNativeHeapInterval=5000");
    }
    if (Runtime.version().feature() >= 23) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    options.addAll(ChildJit.options());
    return options;
  }
}
