package dev.upgradetracker.query.live;

import dev.upgradetracker.messaging.ConsumerLoops;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.KafkaGate;
import dev.upgradetracker.query.campaign.CampaignWaits;
import dev.upgradetracker.query.streams.StreamsSettings;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every view change (no consumer group: each one sees all partitions, from the
 * end) and hands each to the subscribers of its subject, whichever instance computed it.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  /** Subscribers to every change of these kinds: the fleet overview. */
  public static final String FLEET = "fleet";

  private static final Set<String> FLEET_KINDS = Set.of("team", "campaign");

  private final StreamsSettings settings;
  private final KafkaGate gate;
  private final CampaignWaits waits;
  private volatile boolean running;
  private final ConcurrentHashMap<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private volatile KafkaConsumer<String, String> consumer;
  private volatile Thread loop;

  public ChangeFeed(StreamsSettings settings, KafkaGate gate, CampaignWaits waits) {
    this.settings = settings;
    this.gate = gate;
    this.waits = waits;
  }

  /** Receives the changes of one subject. */
  public interface Subscriber {
    void changed(String kind, long position, String viewJson);
  }

  public void subscribe(String subject, Subscriber subscriber) {
    subscribers.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).add(subscriber);
  }

  public void unsubscribe(String subject, Subscriber subscriber) {
    subscribers.computeIfPresent(
        subject,
        (s, set) -> {
          set.remove(subscriber);
          return set.isEmpty() ? null : set;
        });
  }

  @Override
  public void start() {
    running = true;
    gate.whenOpen("the live change feed", this::startFeed);
  }

  private synchronized void startFeed() {
    if (!running) {
      return;
    }
    var topics = settings.topics();
    var props = settings.connection().properties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    var partitions =
        consumer.partitionsFor(topics.viewChanges()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    loop = Thread.ofPlatform().name("view-change-feed").daemon().start(this::run);
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          dispatch(record.key(), record.value());
        }
      }
    } catch (WakeupException stopping) {
      // stop() woke the consumer
    } finally {
      consumer.close();
    }
  }

  /** Every instance sees every change: only those somebody follows are parsed. */
  private void dispatch(String subject, String json) {
    if (subject == null || json == null) {
      return;
    }
    var kind = subject.substring(0, Math.max(0, subject.indexOf(':')));
    boolean followed =
        subscribers.containsKey(subject)
            || (FLEET_KINDS.contains(kind) && subscribers.containsKey(FLEET));
    if (!followed) {
      return;
    }
    var change = Json.MAPPER.readTree(json);
    var position = change.path("position").asLong();
    // what a campaign's clusters wait for now, as its REST answer says it: once per change
    var view = waits.now(kind, change.path("view").toString());
    deliver(subject, kind, position, view);
    if (FLEET_KINDS.contains(kind)) {
      deliver(FLEET, kind, position, view);
    }
  }

  private void deliver(String subject, String kind, long position, String view) {
    for (var subscriber : subscribers.getOrDefault(subject, Set.of())) {
      try {
        subscriber.changed(kind, position, view);
      } catch (RuntimeException e) {
        log.warn("a live subscriber of {} failed: {}", subject, e.toString());
      }
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    ConsumerLoops.stop(consumer, loop, Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
