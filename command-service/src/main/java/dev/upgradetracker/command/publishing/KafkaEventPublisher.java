package dev.upgradetracker.command.publishing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.upgradetracker.command.audit.EventHash;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.messaging.signing.RequestSignatures;
import dev.upgradetracker.messaging.signing.SigningKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Copies every committed event to Kafka: cluster events to {@link Topics#events()}, keyed by
 * cluster id, campaign events to {@link Topics#campaignEvents()}, keyed by campaign id. It runs in
 * a streaming processor: the processor's token, stored in the event store's database, says what was
 * published. A batch's token only moves after the broker acknowledged every send of the batch, so a
 * crash in between republishes (consumers skip what they have seen) and loses nothing. A host
 * action request goes out signed ({@link RequestSignatures}): executors act on nothing else.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

  static final String PROCESSING_GROUP = "kafka-publisher";
  private static final String SENDS_OF_THIS_BATCH = KafkaEventPublisher.class.getName() + ".sends";

  private final KafkaProducer<String, Record> producer;
  private final Topics topics;
  private final SigningKeys.Signer signer;

  KafkaEventPublisher(
      KafkaProducer<String, Record> producer, KafkaSettings kafka, SigningKeys.Signer signer) {
    this.producer = producer;
    this.topics = kafka.topics();
    this.signer = signer;
  }

  @EventHandler
  void on(
      ClusterEvent event,
      @MessageIdentifier String eventId,
      @SequenceNumber Long sequence,
      @Timestamp Instant timestamp,
      MetaData metaData) {
    var envelope =
        new EventEnvelope(
            eventId,
            event.clusterId(),
            sequence,
            timestamp,
            text(metaData, TraceKeys.TEAM),
            text(metaData, TraceKeys.USER),
            text(metaData, TraceKeys.ON_BEHALF_OF),
            text(metaData, TraceKeys.CORRELATION_ID),
            text(metaData, TraceKeys.CAUSATION_ID),
            event,
            text(metaData, EventHash.PREVIOUS_HASH),
            text(metaData, EventHash.HASH));
    var record = new ProducerRecord<String, Record>(topics.events(), event.clusterId(), envelope);
    if (event instanceof HostActionRequested request) {
      record.headers().add(RequestSignatures.KEY_ID_HEADER, signer.keyId().getBytes(UTF_8));
      record
          .headers()
          .add(
              RequestSignatures.SIGNATURE_HEADER,
              RequestSignatures.sign(signer.key(), request, timestamp));
    }
    send(record);
  }

  @EventHandler
  void on(
      CampaignEvent event,
      @MessageIdentifier String eventId,
      @SequenceNumber Long sequence,
      @Timestamp Instant timestamp,
      MetaData metaData) {
    var envelope =
        new CampaignEnvelope(
            eventId,
            event.campaignId(),
            sequence,
            timestamp,
            text(metaData, TraceKeys.TEAM),
            text(metaData, TraceKeys.USER),
            text(metaData, TraceKeys.ON_BEHALF_OF),
            text(metaData, TraceKeys.CORRELATION_ID),
            text(metaData, TraceKeys.CAUSATION_ID),
            event,
            text(metaData, EventHash.PREVIOUS_HASH),
            text(metaData, EventHash.HASH));
    send(new ProducerRecord<>(topics.campaignEvents(), event.campaignId(), envelope));
  }

  private void send(ProducerRecord<String, Record> record) {
    sendsOfThisBatch().add(producer.send(record));
  }

  private List<Future<RecordMetadata>> sendsOfThisBatch() {
    var unitOfWork = CurrentUnitOfWork.get().root();
    return unitOfWork.getOrComputeResource(
        SENDS_OF_THIS_BATCH,
        key -> {
          List<Future<RecordMetadata>> sends = new ArrayList<>();
          unitOfWork.onPrepareCommit(committing -> awaitAcknowledgements(sends));
          return sends;
        });
  }

  private static void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
    try {
      for (var send : sends) {
        send.get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing events to Kafka", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge published events; the batch will be retried", e);
    }
  }

  private static String text(MetaData metaData, String key) {
    var value = metaData.get(key);
    return value == null ? null : value.toString();
  }
}
