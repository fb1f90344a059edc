package dev.upgradetracker.executor.journal;

import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.journal.JournalEntry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The record every executor shares of what was started and finished: a compacted topic keyed by
 * action id, read whole at start and followed from then on. Not a file on one executor's disk: it
 * survives restarts, rebalances, new consumer groups and an empty data directory. A write returns
 * only once the broker has it.
 */
@Component
public class ActionJournal {

  private static final Logger log = LoggerFactory.getLogger(ActionJournal.class);
  private static final Duration CATCH_UP = Duration.ofMinutes(2);

  private final KafkaSettings kafka;
  private final Map<String, JournalEntry> entries = new ConcurrentHashMap<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private KafkaProducer<String, JournalEntry> producer;
  private KafkaConsumer<String, JournalEntry> reader;
  private Thread follower;

  ActionJournal(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  /** Reads the journal to its end, then follows it; returns once it has read to the end. */
  public void start() throws InterruptedException {
    var topic = kafka.topics().actionJournal();
    producer = KafkaClients.producer(kafka.connection(), "executor-journal", JsonSerde.journal());
    var props = kafka.connection().properties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    reader = new KafkaConsumer<>(props, new StringDeserializer(), JsonSerde.journal());
    var partitions =
        reader.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
    var ends = reader.endOffsets(partitions);
    follower = Thread.ofPlatform().name("action-journal").daemon().start(() -> follow(ends));
    if (!caughtUp.await(CATCH_UP.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "the action journal (" + topic + ") could not be read to its end within " + CATCH_UP);
    }
    log.info("action journal read: {} actions known", entries.size());
  }

  private void follow(Map<TopicPartition, Long> ends) {
    try {
      while (true) {
        for (var record : reader.poll(Duration.ofMillis(200))) {
          if (record.value() != null) {
            entries.merge(record.key(), record.value(), ActionJournal::later);
          }
        }
        if (caughtUp.getCount() > 0
            && ends.entrySet().stream()
                .allMatch(e -> reader.position(e.getKey()) >= e.getValue())) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException stopping) {
      // stop() asked us to leave the poll
    } finally {
      reader.close();
    }
  }

  /** A finished entry is final; otherwise the one that knows more command lines wins. */
  private static JournalEntry later(JournalEntry known, JournalEntry read) {
    if (known.finished()) {
      return known;
    }
    return read.finished() || read.commandLines().size() >= known.commandLines().size()
        ? read
        : known;
  }

  public JournalEntry of(String actionId, String clusterId) {
    return entries.getOrDefault(actionId, JournalEntry.none(actionId, clusterId));
  }

  /** Writes the entry and waits for the broker to have it. */
  public void record(JournalEntry entry) throws InterruptedException {
    try {
      producer
          .send(new ProducerRecord<>(kafka.topics().actionJournal(), entry.actionId(), entry))
          .get(30, TimeUnit.SECONDS);
      entries.merge(entry.actionId(), entry, ActionJournal::later);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the action journal did not take " + entry.actionId(), e);
    }
  }

  public void stop() {
    if (reader != null) {
      reader.wakeup();
    }
    if (producer != null) {
      producer.close();
    }
  }
}
