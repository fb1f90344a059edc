package dev.upgradetracker.executor.requests;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.executor.actions.ActionRunner;
import dev.upgradetracker.executor.actions.CommandCatalog;
import dev.upgradetracker.executor.actions.ExecutionSettings;
import dev.upgradetracker.executor.actions.Reachability;
import dev.upgradetracker.executor.actions.UnsafeValue;
import dev.upgradetracker.executor.journal.ActionJournal;
import dev.upgradetracker.executor.journal.EarlierAttempt;
import dev.upgradetracker.executor.journal.JournaledSession;
import dev.upgradetracker.executor.proof.Proof;
import dev.upgradetracker.executor.proof.RequestProofs;
import dev.upgradetracker.executor.ssh.SshSettings;
import dev.upgradetracker.messaging.ConsumerLoops;
import dev.upgradetracker.messaging.ConsumerStop;
import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.KafkaClients;
import dev.upgradetracker.messaging.KafkaGate;
import dev.upgradetracker.messaging.KafkaSettings;
import dev.upgradetracker.web.tracing.TraceParents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes host-action requests from the events topic (a consumer group: executors share the
 * partitions), runs them one at a time per host and many hosts at once, and reports each outcome on
 * the results topic. A request's offset is committed only once it and every request before it in
 * its partition have their result acknowledged by the broker: a crash re-runs the unfinished ones,
 * whose probes then find what was already done. A request the command service did not sign ({@link
 * RequestProofs}) is passed over: no connection, no result, so a forgery carrying a real action's
 * id changes nothing of that action. So is one no longer wanted, whatever the offsets say: finished
 * according to the shared {@link ActionJournal}, or requested longer ago than {@code
 * max-request-age}. Each command line goes into the journal before it is sent; a result lists those
 * an interrupted earlier attempt sent too.
 */
@Component
class ActionRequestConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ActionRequestConsumer.class);
  private static final Duration PUBLISH_RETRY = Duration.ofSeconds(1);

  /** How often a resumed action looks whether its earlier attempt's command still runs. */
  private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

  /**
   * How often the loop commits what it has finished: every event of the topic passes here, most of
   * them no action, and a commit per poll was a broker write per event under load. What a crash
   * leaves uncommitted is read again and skipped, as the journal knows it finished.
   */
  private static final long COMMIT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private final KafkaSettings kafka;
  private final KafkaGate gate;
  private final ActionRunner runner;
  private final ExecutionSettings execution;
  private final RequestProofs proofs;
  private final ActionJournal journal;
  private final MeterRegistry meters;
  private final TraceParents traces;
  private final EarlierAttempt earlierAttempt;
  private final Clock clock = Clock.systemUTC();
  private final OffsetTracker offsets = new OffsetTracker();
  private long lastCommit = System.nanoTime();
  private volatile KafkaConsumer<String, EventEnvelope> consumer;
  private KafkaProducer<String, ActionResult> producer;
  private HostLanes lanes;
  private volatile boolean running;
  private final ConsumerStop stop;
  private Thread loop;

  ActionRequestConsumer(
      KafkaSettings kafka,
      KafkaGate gate,
      ActionRunner runner,
      ExecutionSettings execution,
      RequestProofs proofs,
      ActionJournal journal,
      MeterRegistry meters,
      TraceParents traces,
      CommandCatalog catalog,
      SshSettings ssh)
      throws UnsafeValue {
    this.earlierAttempt =
        new EarlierAttempt(
            catalog.line("running-commands", Map.of()), ssh.commandTimeout(), LOOK_AGAIN);
    this.traces = traces;
    this.kafka = kafka;
    this.stop = new ConsumerStop("executor", "requests", kafka.instance());
    this.gate = gate;
    this.proofs = proofs;
    this.journal = journal;
    this.meters = meters;
    this.runner = runner;
    this.execution = execution;
    Gauge.builder("upgrade.executor.actions.running", this, ActionRequestConsumer::actionsRunning)
        .description("host actions this executor took and has not reported yet")
        .baseUnit("actions")
        .register(meters);
  }

  /** Why this executor takes no more requests while it runs, if it does not. */
  Optional<String> stopped() {
    return stop.why();
  }

  private int actionsRunning() {
    synchronized (offsets) {
      return offsets.running();
    }
  }

  @Override
  public void start() {
    running = true;
    gate.whenOpen("the action-request consumer", this::startConsuming);
  }

  /** The journal read whole first: no request is judged before every executor's record is known. */
  private synchronized void startConsuming() {
    if (!running) {
      return;
    }
    var topics = kafka.topics();
    try {
      journal.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the action journal", e);
    }
    producer = KafkaClients.producer(kafka.connection(), "executor", JsonSerde.actionResults());
    consumer =
        KafkaClients.consumer(
            kafka.connection(),
            topics.group(execution.group()),
            kafka.instance(),
            JsonSerde.envelopes());
    lanes = new HostLanes(execution.concurrency());
    loop = Thread.ofPlatform().name("action-requests").start(this::consume);
  }

  private void consume() {
    try {
      consumer.subscribe(List.of(kafka.topics().events()), new CommitOnRevoke());
      while (running) {
        ConsumerRecords<String, EventEnvelope> records;
        try {
          records = consumer.poll(Duration.ofMillis(100));
        } catch (RecordDeserializationException unreadable) {
          passOver(unreadable);
          continue;
        }
        for (var record : records) {
          var partition = new TopicPartition(record.topic(), record.partition());
          synchronized (offsets) {
            offsets.started(partition, record.offset());
          }
          var requestedAt = record.value().timestamp();
          if (record.value().event() instanceof HostActionRequested request
              && proofs.check(request, requestedAt, record.headers()) == Proof.PROVEN
              && stillWanted(request, requestedAt)) {
            var trace = TraceParents.of(record.headers());
            lanes.submit(
                request.sshAddress(), () -> perform(request, trace, partition, record.offset()));
          } else {
            finished(partition, record.offset());
          }
        }
        recordPositions();
        if (System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
          commitFinished();
        }
        throttle();
      }
    } catch (WakeupException e) {
      // stop() asked us to leave the poll
    } catch (RuntimeException e) {
      log.error("{}", stop.endedBy(e), e);
    } finally {
      lanes.close();
      // only when asked to stop: a process that took this one's name commits its own, and after
      // an error, what was finished is passed over when it comes again (the journal)
      if (stop.why().isEmpty()) {
        commitFinished();
      }
      consumer.close();
      producer.close();
    }
  }

  /**
   * A record that is no event this executor can read (not JSON, or an event type newer than it) is
   * no request it could prove: passed over, counted and logged, and the requests after it are read
   * on, instead of the whole executor stopping on it.
   */
  private void passOver(RecordDeserializationException unreadable) {
    var partition = unreadable.topicPartition();
    long offset = unreadable.offset();
    synchronized (offsets) {
      offsets.started(partition, offset);
    }
    finished(partition, offset);
    meters.counter("upgrade.executor.requests.passed.over", "reason", "unreadable").increment();
    log.warn(
        "passing over the record at offset {} of {}: no event this executor can read ({})",
        offset,
        partition,
        unreadable.getCause() == null
            ? unreadable.getMessage()
            : unreadable.getCause().getMessage());
    consumer.seek(partition, offset + 1);
  }

  /** Neither finished by any executor before nor requested too long ago. */
  private boolean stillWanted(HostActionRequested request, Instant requestedAt) {
    String reason = null;
    if (journal.of(request.actionId(), request.clusterId()).finished()) {
      reason = "finished";
    } else if (requestedAt.isBefore(clock.instant().minus(execution.maxRequestAge()))) {
      reason = "expired";
    }
    if (reason == null) {
      return true;
    }
    meters.counter("upgrade.executor.requests.passed.over", "reason", reason).increment();
    log.info("passing over action {} on {}: {}", request.actionId(), request.host(), reason);
    return false;
  }

  /**
   * Runs the action in a span of the trace its request came in ({@code trace}), and reports its
   * result in that trace too.
   */
  @SuppressWarnings("try") // its resources are log-context entries and the span's scope
  private void perform(
      HostActionRequested request, Optional<String> trace, TopicPartition partition, long offset) {
    var span =
        traces.continueTrace("host action " + request.action().getClass().getSimpleName(), trace);
    try (var scope = traces.inScope(span);
        var cluster = MDC.putCloseable("clusterId", request.clusterId());
        var action = MDC.putCloseable("actionId", request.actionId())) {
      log.info("performing {} on {}", request.action(), request.host());
      var earlier = journal.of(request.actionId(), request.clusterId());
      var result =
          withEarlierLines(
              runner.run(
                  request,
                  host ->
                      new JournaledSession(
                          earlierAttempt.awaitedOn(host, earlier.commandLines()), journal, earlier),
                  new ReachabilityReports(request, span)),
              earlier.commandLines());
      boolean published =
          retried(
              "publishing the result",
              () -> producer.send(traced(result, request.clusterId(), span)).get());
      if (!published) {
        return;
      }
      log.info("action ended {} (exit {})", result.outcome().status(), result.outcome().exitCode());
      boolean journaled =
          retried(
              "recording the action finished in the journal",
              () ->
                  journal.record(
                      journal
                          .of(request.actionId(), request.clusterId())
                          .finished(clock.instant())));
      if (journaled) {
        finished(partition, offset);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      span.end();
    }
  }

  /**
   * Tells the command side, in the action's trace, that its host cannot be reached (yet), and that
   * it was reached again: interim reports, sent without waiting (the action's result still comes).
   */
  private final class ReachabilityReports implements Reachability {

    private final HostActionRequested request;
    private final Span span;

    ReachabilityReports(HostActionRequested request, Span span) {
      this.request = request;
      this.span = span;
    }

    @Override
    public void unreachable(Instant since, String error) {
      report(new ActionResult.Reachability(false, error), since);
    }

    @Override
    public void reached(Instant at) {
      report(new ActionResult.Reachability(true, ""), at);
    }

    private void report(ActionResult.Reachability reachability, Instant at) {
      var interim =
          new ActionResult(
              request.actionId(), request.clusterId(), request.host(), null, at, reachability);
      producer.send(
          traced(interim, request.clusterId(), span),
          (metadata, failure) -> {
            if (failure != null) {
              log.warn(
                  "reporting {} {} failed: {}", request.host(), reachability, failure.toString());
            }
          });
    }
  }

  private ProducerRecord<String, ActionResult> traced(
      ActionResult result, String clusterId, Span span) {
    var record = new ProducerRecord<>(kafka.topics().actionResults(), clusterId, result);
    TraceParents.put(record.headers(), traces.of(span));
    return record;
  }

  private interface Step {
    void run() throws Exception;
  }

  /** Until {@code step} succeeds, a pause between tries; false when the consumer stops first. */
  private boolean retried(String what, Step step) throws InterruptedException {
    while (running) {
      try {
        step.run();
        return true;
      } catch (Exception e) {
        log.warn("{} failed, retrying: {}", what, e.toString());
        Thread.sleep(PUBLISH_RETRY);
      }
    }
    return false;
  }

  /** The lines an interrupted earlier attempt sent come first: the history shows them all. */
  private static ActionResult withEarlierLines(ActionResult result, List<String> earlier) {
    if (earlier.isEmpty()) {
      return result;
    }
    var outcome = result.outcome();
    var lines = new ArrayList<>(earlier);
    lines.addAll(outcome.commandLines());
    return new ActionResult(
        result.actionId(),
        result.clusterId(),
        result.host(),
        new ActionOutcome(
            outcome.status(),
            outcome.exitCode(),
            outcome.output(),
            outcome.durationMillis(),
            lines,
            outcome.hostKeyFingerprint()),
        result.finishedAt());
  }

  private void finished(TopicPartition partition, long offset) {
    synchronized (offsets) {
      offsets.finished(partition, offset);
    }
  }

  /** So that the offsets committed reach the end of a partition, its last commit marker too. */
  private void recordPositions() {
    for (var partition : consumer.assignment()) {
      try {
        long position = consumer.position(partition, Duration.ZERO);
        synchronized (offsets) {
          offsets.readUpTo(partition, position);
        }
      } catch (TimeoutException notKnownYet) {
        // the next poll sets it
      }
    }
  }

  private void commitFinished() {
    synchronized (offsets) {
      lastCommit = System.nanoTime();
      var commits = offsets.committable();
      if (!commits.isEmpty()) {
        consumer.commitSync(commits);
        offsets.committed(commits);
      }
    }
  }

  /** Reads no further while twice the concurrency limit is already waiting or running. */
  private void throttle() {
    int inFlight;
    synchronized (offsets) {
      inFlight = offsets.running();
    }
    if (inFlight > 2 * execution.concurrency()) {
      consumer.pause(consumer.assignment());
    } else if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  private final class CommitOnRevoke implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitFinished();
      synchronized (offsets) {
        partitions.forEach(offsets::forget);
      }
    }

    /** Another member has them already (this one was fenced or its session ended): no commit. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      synchronized (offsets) {
        partitions.forEach(offsets::forget);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
  }

  @Override
  public synchronized void stop() {
    running = false;
    ConsumerLoops.stop(consumer, loop, Duration.ofSeconds(30));
    journal.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
