package dev.upgradetracker.command.axon;

import dev.upgradetracker.command.campaign.model.CampaignCommandDispatch;
import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.host.model.HostCommandDispatch;
import dev.upgradetracker.command.slots.model.UpgradeSlotDispatch;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

@Configuration(proxyBeanMethods = false)
public class AxonSetup {

  private static final int CLUSTERS_CACHED = 2_000;

  /** Commands stay free of Axon annotations: the aggregate's id comes from the sealed interface. */
  @Bean
  CommandTargetResolver clusterCommandTargetResolver() {
    return AxonSetup::targetOf;
  }

  @Bean
  CommandTargetResolver campaignCommandTargetResolver() {
    return AxonSetup::targetOf;
  }

  @Bean
  CommandTargetResolver hostCommandTargetResolver() {
    return AxonSetup::targetOf;
  }

  @Bean
  CommandTargetResolver upgradeSlotsCommandTargetResolver() {
    return AxonSetup::targetOf;
  }

  private static VersionedAggregateIdentifier targetOf(CommandMessage<?> message) {
    return target(
        aggregateIdOf(message.getPayload())
            .orElseThrow(
                () -> new IllegalArgumentException("not a command: " + message.getPayloadType())));
  }

  /** The aggregate a command is for, or empty for anything that is not one of ours. */
  public static Optional<String> aggregateIdOf(Object payload) {
    return switch (payload) {
      case ClusterCommandDispatch cluster -> Optional.of(cluster.command().clusterId());
      case CampaignCommandDispatch campaign -> Optional.of(campaign.command().campaignId());
      case HostCommandDispatch host -> Optional.of(host.aggregateId());
      case UpgradeSlotDispatch slots -> Optional.of(UpgradeSlotDispatch.AGGREGATE_ID);
      default -> Optional.empty();
    };
  }

  /** Any version: the expected one, where a request gave it, is checked by the handler. */
  public static VersionedAggregateIdentifier target(Object aggregateId) {
    return new VersionedAggregateIdentifier(aggregateId, null);
  }

  /**
   * A command that lost a race against another process (both appended at the same position) is sent
   * again a few times; refusals and every other failure are final at once.
   */
  @Bean
  CommandGateway commandGateway(CommandBus commandBus) {
    var retries =
        ExponentialBackOffIntervalRetryScheduler.builder()
            .retryExecutor(
                Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("command-retry").factory()))
            .backoffFactor(10)
            .maxRetryCount(8)
            .nonTransientFailurePredicate(failure -> !lostRace(failure))
            .build();
    return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
  }

  private static boolean lostRace(Throwable failure) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConcurrencyException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Clusters loaded lately, up to {@value #CLUSTERS_CACHED}, each used while the store holds
   * nothing newer (another instance may write it too): loading one was ~40% of a command's time.
   */
  @Bean
  Cache clusterCache(EventStore events) {
    return new VerifiedAggregateCache(CLUSTERS_CACHED, events::lastSequenceNumberFor);
  }

  /** What the pooled processors read: the event store, waking them as each event is stored. */
  @Bean
  WakingEventSource wakingEventSource(EventStore events) {
    return new WakingEventSource(events);
  }

  /**
   * Loading a long history replays from the latest snapshot: one every 50 events. An aggregate in
   * the cache is not loaded at all, so a snapshot serves only a restart or an eviction, while each
   * costs a load of the aggregate, its JSON and a write (every 10 events, 5% of the service's CPU
   * at 200 commands/s: README, Benchmarks).
   */
  @Bean
  SnapshotTriggerDefinition clusterSnapshots(Snapshotter snapshotter) {
    return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
  }

  /**
   * Snapshots are taken after the command's commit on a thread of their own, in a transaction of
   * their own: taken in the command's thread, a snapshot held up the answer of every tenth command
   * (a quarter of the time of commands sent one after another). Axon queues one snapshot per
   * aggregate at most.
   */
  @Bean
  SpringAggregateSnapshotter aggregateSnapshotter(
      org.axonframework.config.Configuration configuration,
      HandlerDefinition handlerDefinition,
      ParameterResolverFactory parameterResolverFactory,
      EventStore eventStore,
      TransactionManager transactionManager,
      SnapshotterSpanFactory spanFactory) {
    return SpringAggregateSnapshotter.builder()
        .repositoryProvider(configuration::repository)
        .transactionManager(transactionManager)
        .eventStore(eventStore)
        .parameterResolverFactory(parameterResolverFactory)
        .handlerDefinition(handlerDefinition)
        .spanFactory(spanFactory)
        .executor(
            Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("snapshotter").factory()))
        .build();
  }

  /**
   * Axon's tokens hold {@code Object}-typed values (e.g. a ReplayToken's context) that Jackson 3
   * refuses by default; a streaming processor would then retry forever without progress.
   */
  @Bean
  Jackson3SerializerCustomizer allowAxonAndOwnTypes() {
    return builder ->
        builder.polymorphicTypeValidator(
            BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.")
                .allowIfSubType("dev.upgradetracker.")
                .build());
  }

  /**
   * Every event records the command that caused it (causation), the request or campaign it belongs
   * to (correlation), the acting team and user, and the trace its command came in; a deadline that
   * fires acts as the system, on behalf of whoever its scheduling acted for.
   */
  @Bean
  CorrelationDataProvider tracingMetadata() {
    return message -> {
      Map<String, Object> data = new HashMap<>();
      var metadata = message.getMetaData();
      data.put(TraceKeys.CAUSATION_ID, message.getIdentifier());
      data.put(
          TraceKeys.CORRELATION_ID,
          metadata.getOrDefault(TraceKeys.CORRELATION_ID, message.getIdentifier()));
      for (var key :
          new String[] {
            TraceKeys.TEAM, TraceKeys.USER, TraceKeys.ON_BEHALF_OF, TraceKeys.TRACE_PARENT
          }) {
        if (metadata.containsKey(key)) {
          data.put(key, metadata.get(key));
        }
      }
      if (message instanceof DeadlineMessage<?>) {
        data.put(TraceKeys.USER, TraceKeys.DEADLINE);
        var onBehalfOf =
            metadata.getOrDefault(TraceKeys.ON_BEHALF_OF, metadata.get(TraceKeys.USER));
        if (onBehalfOf != null && !TraceKeys.DEADLINE.equals(onBehalfOf)) {
          data.put(TraceKeys.ON_BEHALF_OF, onBehalfOf);
        }
      }
      return data;
    };
  }
}
