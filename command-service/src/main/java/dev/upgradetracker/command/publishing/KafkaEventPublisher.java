package dev.upgradetracker.command.publishing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.messaging.signing.RequestSignatures;
import dev.upgradetracker.messaging.signing.SigningKeys;
import dev.upgradetracker.web.tracing.TraceParents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Copies every committed event to Kafka: cluster events to {@link Topics#events()}, keyed by
 * cluster id, campaign events to {@link Topics#campaignEvents()}, keyed by campaign id. It runs in
 * a streaming processor: the processor's token, stored in the event store's database, says what was
 * published. Each batch is one Kafka transaction, committed before the token moves: a batch that
 * fails is aborted (no reader sees any of it) and tried again whole, so nothing acknowledged is
 * read twice; a crash between the two commits republishes (consumers skip what they have seen) and
 * loses nothing. An event Kafka refuses for good ({@link UnpublishableEvent}) parks its aggregate
 * in the processor's dead-letter queue ({@link ParkedAggregates}), while every other aggregate
 * keeps flowing. A host action request goes out signed ({@link RequestSignatures}): executors act
 * on nothing else. An event goes out in the JSON the store holds ({@link EnvelopeJson}): only a
 * request to sign is read into its record.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

  static final String PROCESSING_GROUP = "kafka-publisher";
  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
  private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";

  private final TransactionalProducers producers;
  private final Topics topics;
  private final SigningKeys.Signer signer;
  private final Serializer events;

  /** Events Kafka refused for good in a batch that is being tried again: parked on the retry. */
  private final Map<String, Throwable> refusedInAnEarlierTry = new ConcurrentHashMap<>();

  KafkaEventPublisher(
      TransactionalProducers producers,
      KafkaSettings kafka,
      SigningKeys.Signer signer,
      @Qualifier("eventSerializer") Serializer events) {
    this.producers = producers;
    this.events = events;
    this.topics = kafka.topics();
    this.signer = signer;
  }

  @EventHandler(payloadType = ClusterEvent.class)
  void onClusterEvent(DomainEventMessage<?> message) {
    var record = record(topics.events(), "clusterId", message);
    if (HostActionRequested.class.equals(message.getPayloadType())) {
      var request = (HostActionRequested) message.getPayload();
      record.headers().add(RequestSignatures.KEY_ID_HEADER, signer.keyId().getBytes(UTF_8));
      record
          .headers()
          .add(
              RequestSignatures.SIGNATURE_HEADER,
              RequestSignatures.sign(signer.key(), request, message.getTimestamp()));
    }
    publish(record, "clusterId", message);
  }

  @EventHandler(payloadType = CampaignEvent.class)
  void onCampaignEvent(DomainEventMessage<?> message) {
    publish(record(topics.campaignEvents(), "campaignId", message), "campaignId", message);
  }

  /**
   * The event's envelope, keyed by its aggregate, around its JSON as stored (read, not written
   * again, unless it came from elsewhere); the trace its command came in goes on with it, for
   * whoever reads it.
   */
  private ProducerRecord<String, byte[]> record(
      String topic, String aggregateProperty, DomainEventMessage<?> message) {
    var stored = message.serializePayload(events, byte[].class).getData();
    byte[] envelope;
    try {
      envelope = EnvelopeJson.of(aggregateProperty, message, stored);
    } catch (JacksonException | IllegalArgumentException damaged) {
      log.atError()
          .addKeyValue(aggregateProperty, message.getAggregateIdentifier())
          .addKeyValue("eventId", message.getIdentifier())
          .setCause(damaged)
          .log(
              "event {} of {} is stored as no JSON any reader could parse: it is parked with its"
                  + " aggregate's later events (GET /api/publishing/parked)",
              message.getIdentifier(),
              message.getAggregateIdentifier());
      throw damaged;
    }
    var record = new ProducerRecord<>(topic, message.getAggregateIdentifier(), envelope);
    var trace = EnvelopeJson.text(message.getMetaData(), TraceKeys.TRACE_PARENT);
    if (trace != null && !trace.isEmpty()) {
      TraceParents.put(record.headers(), trace);
    }
    return record;
  }

  private void publish(
      ProducerRecord<String, byte[]> record, String aggregateKind, EventMessage<?> event) {
    var eventId = event.getIdentifier();
    var refused = refusedInAnEarlierTry.remove(eventId);
    if (refused != null) {
      throw parked(record.key(), aggregateKind, event, refused);
    }
    try {
      var batch = batch();
      batch.sends().add(new Send(eventId, batch.producer().send(record)));
    } catch (KafkaException e) {
      // a handler that throws has its event dead-lettered: what may pass (Kafka unreachable, a
      // producer to replace) fails the batch instead, which is then tried again whole
      CurrentUnitOfWork.get()
          .root()
          .onPrepareCommit(
              committing -> {
                throw new IllegalStateException(
                    "Kafka did not take the batch; it is tried again", e);
              });
    }
  }

  private static UnpublishableEvent parked(
      String aggregateId, String aggregateKind, EventMessage<?> event, Throwable cause) {
    var eventId = event.getIdentifier();
    var type = event.getPayloadType().getSimpleName();
    log.atError()
        .addKeyValue(aggregateKind, aggregateId)
        .addKeyValue("eventId", eventId)
        .addKeyValue("eventType", type)
        .setCause(cause)
        .log(
            "Kafka refuses event {} ({}) of {} for good: {} is parked with its later events until"
                + " an admin retries it (POST /api/publishing/parked/retry)",
            eventId,
            type,
            aggregateId,
            aggregateId);
    return new UnpublishableEvent(aggregateId, eventId, type, cause);
  }

  private record Send(String eventId, Future<RecordMetadata> acknowledged) {}

  private record Batch(
      KafkaProducer<String, byte[]> producer, List<Send> sends, AtomicBoolean ended) {}

  /** This batch's transaction, begun at its first event and ended with its unit of work. */
  private Batch batch() {
    var unitOfWork = CurrentUnitOfWork.get().root();
    return unitOfWork.getOrComputeResource(
        BATCH,
        key -> {
          var producer = producers.take();
          try {
            producer.beginTransaction();
          } catch (KafkaException e) {
            producers.discard(producer);
            throw e;
          }
          var batch = new Batch(producer, new ArrayList<>(), new AtomicBoolean());
          unitOfWork.onPrepareCommit(committing -> commit(batch));
          unitOfWork.onRollback(failed -> abort(batch));
          return batch;
        });
  }

  private void commit(Batch batch) {
    batch.producer().flush();
    Throwable failure = null;
    for (var send : batch.sends()) {
      try {
        send.acknowledged().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (UnpublishableEvent.isPermanent(e.getCause())) {
          refusedInAnEarlierTry.put(send.eventId(), e.getCause());
        }
        failure = failure == null ? e.getCause() : failure;
      } catch (TimeoutException e) {
        failure = failure == null ? e : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing events to Kafka", e);
      }
    }
    if (failure != null) {
      throw new IllegalStateException(
          "Kafka did not take every event of the batch; it is aborted and tried again", failure);
    }
    batch.producer().commitTransaction();
    batch.ended().set(true);
    producers.giveBack(batch.producer());
  }

  /** After a failed commit, or after a failure later in the unit of work (then: nothing to do). */
  private void abort(Batch batch) {
    if (batch.ended().getAndSet(true)) {
      return;
    }
    try {
      batch.producer().abortTransaction();
      producers.giveBack(batch.producer());
    } catch (RuntimeException e) {
      log.warn("a publishing transaction could not be aborted; its producer is replaced", e);
      producers.discard(batch.producer());
    }
  }
}
