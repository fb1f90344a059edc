package dev.upgradetracker.command.actionresults;

import dev.upgradetracker.command.axon.CommandMessages;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.messaging.ConsumerLoops;
import dev.upgradetracker.messaging.ConsumerStop;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaGate;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.web.tracing.TraceParents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Turns executor reports into commands on their cluster. An offset is committed only after its
 * command was handled, so a crash re-delivers the report; the aggregate ignores a report it has
 * already recorded. A named instance (KAFKA_INSTANCE) is a static member of the group: started
 * again after a crash, it takes its partitions back at once instead of after its session.
 */
@Component
class ActionResultConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ActionResultConsumer.class);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final KafkaSettings kafka;
  private final KafkaGate gate;
  private final CommandGateway commands;
  private volatile KafkaConsumer<String, ActionResult> consumer;
  private final TraceParents traces;
  private final ConsumerStop stop;
  private volatile boolean running;
  private Thread loop;

  ActionResultConsumer(
      KafkaSettings kafka, KafkaGate gate, CommandGateway commands, TraceParents traces) {
    this.traces = traces;
    this.kafka = kafka;
    this.stop = new ConsumerStop("command service", "action results", kafka.instance());
    this.gate = gate;
    this.commands = commands;
  }

  /** Why this service records no more action results while it runs, if it does not. */
  Optional<String> stopped() {
    return stop.why();
  }

  @Override
  public void start() {
    running = true;
    gate.whenOpen("the action-result consumer", this::startConsuming);
  }

  private synchronized void startConsuming() {
    if (!running) {
      return;
    }
    consumer =
        KafkaClients.consumer(
            kafka.connection(),
            kafka.topics().group("command-service"),
            kafka.instance(),
            JsonSerde.actionResults());
    consumer.subscribe(List.of(kafka.topics().actionResults()));
    loop = Thread.ofPlatform().name("action-results").start(this::consume);
  }

  private void consume() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (var record : records) {
          recordWithRetries(record);
        }
        if (!records.isEmpty()) {
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      // stop() asked us to leave the poll
    } catch (RuntimeException e) {
      log.error("{}", stop.endedBy(e), e);
    } finally {
      consumer.close();
    }
  }

  /** The result is recorded in the trace of the action it reports on (the record's header). */
  @SuppressWarnings("try") // its resource is the span's scope, left when closed
  private void recordWithRetries(ConsumerRecord<String, ActionResult> record) {
    var result = record.value();
    MDC.put("clusterId", result.clusterId());
    MDC.put("actionId", result.actionId());
    var span = traces.continueTrace("record action result", TraceParents.of(record.headers()));
    try (var scope = traces.inScope(span)) {
      var message =
          CommandMessages.bySystem(
                  new ClusterCommandDispatch(new RecordActionResult(result.clusterId(), result)),
                  "executor",
                  result.actionId())
              .andMetaData(Map.of(TraceKeys.TRACE_PARENT, traces.of(span)));
      while (running) {
        try {
          commands.sendAndWait(message);
          return;
        } catch (CommandRefused refused) {
          log.warn("action result refused, skipped: {}", refused.getMessage());
          return;
        } catch (RuntimeException e) {
          log.warn("recording an action result failed, retrying: {}", e.toString());
          sleep();
        }
      }
    } finally {
      span.end();
      MDC.clear();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    ConsumerLoops.stop(consumer, loop, Duration.ofSeconds(10));
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
