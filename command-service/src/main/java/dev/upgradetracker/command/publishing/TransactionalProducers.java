package dev.upgradetracker.command.publishing;

import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaSettings;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Transactional producers, one per batch being published at a time (a batch is one transaction).
 * Their transactional ids are unique to this process, so two command services never fence each
 * other; a producer left in a fatal state is discarded and replaced.
 */
final class TransactionalProducers implements AutoCloseable {

  private final KafkaSettings kafka;
  private final String prefix = "command-service-publisher-" + UUID.randomUUID();
  private final AtomicInteger made = new AtomicInteger();
  private final ConcurrentLinkedDeque<KafkaProducer<String, byte[]>> idle =
      new ConcurrentLinkedDeque<>();
  private final Set<KafkaProducer<String, byte[]>> all = ConcurrentHashMap.newKeySet();

  TransactionalProducers(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  /** A producer no other batch uses until it is {@link #giveBack given back}. */
  KafkaProducer<String, byte[]> take() {
    var producer = idle.pollFirst();
    if (producer != null) {
      return producer;
    }
    var id = prefix + "-" + made.incrementAndGet();
    producer =
        KafkaClients.transactionalProducer(kafka.connection(), id, id, new ByteArraySerializer());
    all.add(producer);
    try {
      producer.initTransactions();
    } catch (RuntimeException e) {
      discard(producer);
      throw e;
    }
    return producer;
  }

  void giveBack(KafkaProducer<String, byte[]> producer) {
    idle.addFirst(producer);
  }

  /** For a producer whose transaction could not even be aborted. */
  void discard(KafkaProducer<String, byte[]> producer) {
    all.remove(producer);
    producer.close();
  }

  @Override
  public void close() {
    all.forEach(KafkaProducer::close);
  }
}
