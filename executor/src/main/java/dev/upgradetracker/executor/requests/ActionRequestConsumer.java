package dev.upgradetracker.executor.requests;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.executor.actions.ActionRunner;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes host-action requests from the events topic (a consumer group: executors share the
 * partitions) and reports each outcome on the results topic. A request's offset is committed only
 * after its result was acknowledged by the broker: a crash in between re-runs the action, whose
 * probe then finds it done.
 */
@Component
class ActionRequestConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ActionRequestConsumer.class);

  private final KafkaSettings kafka;
  private final ActionRunner runner;
  private volatile KafkaConsumer<String, EventEnvelope> consumer;
  private KafkaProducer<String, ActionResult> producer;
  private volatile boolean running;
  private Thread loop;

  ActionRequestConsumer(KafkaSettings kafka, ActionRunner runner) {
    this.kafka = kafka;
    this.runner = runner;
  }

  @Override
  public void start() {
    Topics.ensureExist(kafka.bootstrapServers(), kafka.partitions(), kafka.replicas());
    producer = KafkaClients.producer(kafka.bootstrapServers(), "executor", JsonSerde.actionResults());
    consumer = KafkaClients.consumer(kafka.bootstrapServers(), "executor", JsonSerde.envelopes());
    consumer.subscribe(List.of(Topics.EVENTS));
    running = true;
    loop = Thread.ofPlatform().name("action-requests").start(this::consume);
  }

  private void consume() {
    try {
      while (running) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value().event() instanceof HostActionRequested request) {
            perform(request);
          }
          commit(record);
        }
      }
    } catch (WakeupException e) {
      // stop() asked us to leave the poll
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.error("the broker did not take an action result; stopping so that the request is re-run after restart", e);
    } finally {
      consumer.close();
      producer.close();
    }
  }

  private void perform(HostActionRequested request) throws InterruptedException, ExecutionException {
    MDC.put("clusterId", request.clusterId());
    MDC.put("actionId", request.actionId());
    try {
      log.info("performing {} on {}", request.action(), request.host());
      var result = runner.run(request);
      producer.send(new ProducerRecord<>(Topics.ACTION_RESULTS, request.clusterId(), result)).get();
      log.info("action ended {} (exit {})", result.outcome().status(), result.outcome().exitCode());
    } finally {
      MDC.clear();
    }
  }

  private void commit(ConsumerRecord<String, EventEnvelope> record) {
    consumer.commitSync(
        Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)));
  }

  @Override
  public void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (loop != null) {
      try {
        loop.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
