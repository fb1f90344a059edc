package dev.upgradetracker.query.executors;

import dev.upgradetracker.query.streams.StreamsSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether any executor is alive: the members of the executors' consumer group, as Kafka sees them
 * (an executor that stops polling leaves the group once its session times out). Asked every few
 * seconds; while Kafka cannot say, nothing is claimed either way.
 */
@Component
public class ExecutorPresence implements SmartLifecycle {

  static final Duration LOOK_EVERY = Duration.ofSeconds(3);
  private static final Logger log = LoggerFactory.getLogger(ExecutorPresence.class);

  private final StreamsSettings settings;
  private final String group;
  private final Clock clock = Clock.systemUTC();
  private volatile Instant noneSince;
  private volatile ScheduledExecutorService looking;
  private Admin admin;

  ExecutorPresence(
      StreamsSettings settings,
      @Value("${upgrade-tracker.executors.group:executor}") String group) {
    this.settings = settings;
    this.group = settings.topics().group(group);
  }

  /** Since when no executor has been alive, or nothing while one is (or while Kafka cannot say). */
  public Optional<Instant> noneSince() {
    return Optional.ofNullable(noneSince);
  }

  void look() {
    try {
      var description =
          admin
              .describeConsumerGroups(List.of(group))
              .all()
              .get(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS)
              .get(group);
      boolean none = description == null || description.members().isEmpty();
      if (none && noneSince == null) {
        noneSince = clock.instant();
        log.warn("no executor is alive: consumer group {} has no member", group);
      } else if (!none && noneSince != null) {
        noneSince = null;
        log.info("an executor is alive again in consumer group {}", group);
      }
    } catch (ExecutionException | TimeoutException e) {
      log.debug("executors' group {} not described now: {}", group, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    admin = Admin.create(settings.connection().properties());
    looking =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("executor-presence").unstarted(runnable));
    looking.scheduleWithFixedDelay(this::look, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    looking.shutdownNow();
    admin.close(Duration.ofSeconds(1));
  }

  @Override
  public boolean isRunning() {
    return looking != null && !looking.isShutdown();
  }
}
