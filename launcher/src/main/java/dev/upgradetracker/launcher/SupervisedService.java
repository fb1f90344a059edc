package dev.upgradetracker.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service the launcher keeps running: when its process dies, it is started again on its port and
 * data after a back-off ({@link RevivalBackoff}), with a log line each time.
 */
final class SupervisedService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SupervisedService.class);
  private static final Duration REVIVAL_START_TIMEOUT = Duration.ofMinutes(3);
  private static final ScheduledExecutorService REVIVALS =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("service-supervisor").factory());

  private final String module;
  private final String name;
  private final Path home;
  private final int port;
  private final Map<String, String> env;
  private final Path logs;
  private ServiceProcess current;
  private boolean healthy;
  private final RevivalBackoff backoff = new RevivalBackoff();
  private boolean closed;
  private Instant downUntil = Instant.EPOCH;

  private SupervisedService(
      String module, String name, Path home, int port, Map<String, String> env, Path logs) {
    this.module = module;
    this.name = name;
    this.home = home;
    this.port = port;
    this.env = Map.copyOf(env);
    this.logs = logs;
  }

  /** Starts {@code module} as the instance called {@code name} (its log: {@code name.log}). */
  static SupervisedService start(
      String module, String name, Path home, int port, Map<String, String> env, Path logs)
      throws IOException {
    var service = new SupervisedService(module, name, home, port, env, logs);
    synchronized (service) {
      service.launch();
    }
    return service;
  }

  String name() {
    return name;
  }

  synchronized ServiceProcess process() {
    return current;
  }

  void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    awaitHealthy(process(), timeout);
  }

  /** Once {@code process} serves, its death no longer counts towards a crash loop. */
  private void awaitHealthy(ServiceProcess process, Duration timeout)
      throws IOException, InterruptedException {
    process.awaitHealthy(timeout);
    markHealthy(process);
  }

  private synchronized void markHealthy(ServiceProcess process) {
    if (process == current) {
      healthy = true;
    }
  }

  /** Starts the service now if its process is dead, and waits until it is healthy. */
  void ensureRunning(Duration timeout) throws IOException, InterruptedException {
    synchronized (this) {
      if (!current.isAlive()) {
        launch();
      }
    }
    awaitHealthy(timeout);
  }

  /** SIGKILL, as a crash would; the supervisor starts it again. */
  void kill() throws InterruptedException {
    process().kill();
  }

  /**
   * SIGKILL, and the supervisor starts it again no sooner than {@code down} from now, as a machine
   * that takes that long to come back would.
   */
  void killFor(Duration down) throws InterruptedException {
    synchronized (this) {
      downUntil = Instant.now().plus(down);
    }
    kill();
  }

  /** SIGTERM, not started again; {@link #close()} waits for the end. */
  void beginStop() {
    ServiceProcess last;
    synchronized (this) {
      closed = true;
      last = current;
    }
    last.terminate();
  }

  @Override
  public void close() {
    beginStop();
    process().close();
  }

  private void launch() throws IOException {
    var process = ServiceProcess.start(module, name, home, port, env, logs);
    current = process;
    healthy = false;
    process.onExit().thenRun(() -> exited(process));
  }

  private synchronized void exited(ServiceProcess process) {
    if (closed || process != current) {
      return;
    }
    var backedOff = backoff.afterDeath(healthy);
    var held = Duration.between(Instant.now(), downUntil);
    var delay = held.compareTo(backedOff) > 0 ? held : backedOff;
    log.warn(
        "{} exited with code {}; starting it again in {} s (its log: {})",
        name,
        process.exitCode(),
        delay.toSeconds(),
        process.log());
    REVIVALS.schedule(this::revive, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void revive() {
    if (closed || current.isAlive()) {
      return;
    }
    try {
      launch();
      log.info("{} started again", name);
      watchHealth(current);
    } catch (IOException e) {
      log.error("{} could not be started again: {}", name, e.toString());
      REVIVALS.schedule(this::revive, RevivalBackoff.LONGEST.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A revived service nobody waits for is seen healthy here, which ends its crash loop count. */
  private void watchHealth(ServiceProcess process) {
    Thread.ofVirtual()
        .name(name + "-health-watch")
        .start(
            () -> {
              try {
                awaitHealthy(process, REVIVAL_START_TIMEOUT);
              } catch (IOException | RuntimeException notHealthy) {
                log.debug("{} did not become healthy: {}", name, notHealthy.getMessage());
              } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
              }
            });
  }
}
