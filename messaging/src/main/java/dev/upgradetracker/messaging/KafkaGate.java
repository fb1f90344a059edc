package dev.upgradetracker.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Kafka accepts this service: its brokers answer, take its credentials, and its topics
 * exist. A service's Kafka clients start through the gate once Kafka does, so that a service with a
 * wrong password or an unreachable Kafka still starts, says why in its log and its health, and
 * starts its clients as soon as Kafka accepts it (e.g. once its user exists on the brokers). Kafka
 * is checked again, by one admin client kept for the purpose, while the service runs.
 */
public final class KafkaGate implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaGate.class);
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

  /** What the last check found; {@code problem} null when Kafka accepted this service. */
  public record Status(boolean opened, String problem) {
    public boolean healthy() {
      return opened && problem == null;
    }
  }

  private final KafkaSettings kafka;
  private final Duration retryEvery;
  private final Duration recheckEvery;
  private final List<Start> waiting = new ArrayList<>();
  private volatile Status status = new Status(false, "Kafka not checked yet");

  /** A client that failed to start stays failed, however well Kafka answers later. */
  private volatile String failedStart;

  private volatile boolean closed;
  private Thread checker;
  private Admin admin;

  private record Start(String what, Runnable action) {}

  public KafkaGate(KafkaSettings kafka, Duration retryEvery, Duration recheckEvery) {
    this.kafka = kafka;
    this.retryEvery = retryEvery;
    this.recheckEvery = recheckEvery;
  }

  /**
   * Checks Kafka once, at once (most starts find it well, and start their clients as before), then
   * keeps checking in the background.
   */
  public void start() {
    checkOnce();
    checker = Thread.ofPlatform().daemon().name("kafka-gate").start(this::keepChecking);
  }

  /**
   * Runs {@code action} (what: for the log) now if Kafka accepted this service, else once it does.
   */
  public void whenOpen(String what, Runnable action) {
    synchronized (waiting) {
      if (!status.opened()) {
        waiting.add(new Start(what, action));
        log.info("{} waits for Kafka: {}", what, status.problem());
        return;
      }
    }
    run(new Start(what, action));
  }

  public Status status() {
    return status;
  }

  @Override
  public void close() {
    closed = true;
    if (checker != null) {
      checker.interrupt();
      try {
        checker.join(ANSWER_WITHIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (admin != null) {
        admin.close(Duration.ZERO);
      }
    }
  }

  private void keepChecking() {
    while (!closed) {
      try {
        Thread.sleep(status.healthy() ? recheckEvery : retryEvery);
      } catch (InterruptedException e) {
        return;
      }
      checkOnce();
    }
  }

  private void checkOnce() {
    var problem = problem();
    var before = status;
    if (problem != null) {
      status = new Status(before.opened(), problem);
      if (!problem.equals(before.problem())) {
        log.error("Kafka does not accept this service: {}", problem);
      }
      return;
    }
    List<Start> starts;
    synchronized (waiting) {
      status = new Status(true, failedStart);
      starts = List.copyOf(waiting);
      waiting.clear();
    }
    if (before.problem() != null && before.opened()) {
      log.info("Kafka accepts this service again");
    }
    starts.forEach(this::run);
  }

  private void run(Start start) {
    if (closed) {
      return;
    }
    try {
      start.action().run();
    } catch (RuntimeException e) {
      failedStart = "starting " + start.what() + " failed: " + e.getMessage();
      status = new Status(true, failedStart);
      log.error("starting {} failed", start.what(), e);
    }
  }

  /** Null when the brokers answer, accept the credentials and hold the topics. */
  private synchronized String problem() {
    if (closed) {
      return "closed";
    }
    if (admin == null) {
      var properties = kafka.connection().properties();
      properties.put("default.api.timeout.ms", (int) ANSWER_WITHIN.toMillis());
      properties.put("request.timeout.ms", (int) ANSWER_WITHIN.toMillis());
      admin = Admin.create(properties);
    }
    try {
      admin.describeCluster().clusterId().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      if (!status.opened()) {
        kafka.topics().ensureExist(admin, kafka.partitions(), kafka.replicas());
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while checking Kafka";
    } catch (TimeoutException e) {
      return "Kafka at "
          + kafka.bootstrapServers()
          + " did not answer within "
          + ANSWER_WITHIN.toSeconds()
          + " s (KAFKA_BOOTSTRAP_SERVERS)";
    } catch (ExecutionException | RuntimeException e) {
      return describe(e);
    }
  }

  private String describe(Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthenticationException refused) {
        return "Authentication failed at "
            + kafka.bootstrapServers()
            + " ("
            + kafka.connection().security().describe()
            + "): "
            + refused.getMessage();
      }
      if (cause instanceof AuthorizationException denied) {
        return "Kafka denies this service ("
            + kafka.connection().security().describe()
            + "): "
            + denied.getMessage();
      }
    }
    return "Kafka at " + kafka.bootstrapServers() + ": " + failure;
  }
}
