package dev.upgradetracker.command.cluster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upgradetracker.command.axon.AggregateVersions;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.cluster.model.ClusterDecider;
import dev.upgradetracker.command.cluster.model.ClusterState;
import dev.upgradetracker.command.host.HostLedger;
import dev.upgradetracker.command.host.model.HostEntry;
import dev.upgradetracker.command.host.model.HostOwnership;
import dev.upgradetracker.command.refusal.VersionMismatch;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.TimeOutCampaignStep;
import dev.upgradetracker.events.cluster.ClusterCommand.UpdateCluster;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignStepStarted;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.VmHost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Axon's shell around {@link ClusterDecider}: it only checks the owner, decides, claims the hosts
 * of a registered or updated inventory in the host ledger, applies, evolves; and it keeps each
 * campaign step's timeout as a deadline in the database, so that a hung action fails its step even
 * when this service restarted in between.
 */
@Aggregate(
    commandTargetResolver = "clusterCommandTargetResolver",
    snapshotTriggerDefinition = "clusterSnapshots",
    cache = "clusterCache")
// The shape of ClusterState in snapshots: a snapshot of another shape is ignored and the cluster
// loads from its events, so raise this whenever ClusterState's fields change.
@Revision("4")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ClusterAggregate {

  static final String STEP_TIMEOUT = "campaign-step-timeout";

  @AggregateIdentifier private String clusterId;
  private ClusterState state = new ClusterState.Unregistered();

  protected ClusterAggregate() {}

  /**
   * Creation happens only through RegisterCluster; for anything else the decider answers 404.
   * Answers the cluster's version after the command: its position, without reading it back.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  long handle(
      ClusterCommandDispatch dispatch,
      @MetaDataValue(TraceKeys.TEAM) String actingTeam,
      @MetaDataValue(TraceKeys.ADMIN) Boolean admin,
      @MetaDataValue(TraceKeys.EXPECTED_VERSION) Long expectedVersion,
      DeadlineManager deadlines,
      HostLedger hosts) {
    VersionMismatch.unlessAt(
        dispatch.command().clusterId(), expectedVersion, AggregateLifecycle.getVersion());
    ClusterDecider.checkOwner(dispatch.command(), state, actingTeam, Boolean.TRUE.equals(admin));
    var events = ClusterDecider.decide(dispatch.command(), state);
    inventoryOf(dispatch.command()).ifPresent(spec -> claimHosts(spec, state, hosts));
    for (var event : events) {
      apply(event);
      if (event instanceof CampaignStepStarted started && !started.actionIds().isEmpty()) {
        deadlines.schedule(started.timesOutAt(), STEP_TIMEOUT, new StepTimeout(started.stepId()));
      }
    }
    return AggregateVersions.current();
  }

  private static Optional<ClusterSpec> inventoryOf(ClusterCommand command) {
    return switch (command) {
      case RegisterCluster register -> Optional.of(register.cluster());
      case UpdateCluster update -> Optional.of(update.cluster());
      default -> Optional.empty();
    };
  }

  /**
   * In this command's transaction: two racing registrations cannot both take one host. An inventory
   * over the hosts the cluster already holds (the usual update) reads them unlocked and writes
   * nothing: while a host is in this cluster, only this cluster's commands change its entry, and
   * those race this one on the cluster's sequence. Any other inventory locks its hosts first.
   */
  private static void claimHosts(ClusterSpec spec, ClusterState before, HostLedger hosts) {
    var names = spec.hosts().stream().map(VmHost::name).toList();
    var held = hosts.read(names);
    if (holdsThemAlready(spec, before, names, held)) {
      HostOwnership.check(spec, held);
      return;
    }
    var entries = hosts.lock(names);
    HostOwnership.check(spec, entries);
    if (!holdsThemAlready(spec, before, names, entries)) {
      hosts.placeCluster(spec.id(), names);
    }
  }

  private static boolean holdsThemAlready(
      ClusterSpec spec, ClusterState before, List<String> names, Map<String, HostEntry> entries) {
    return before instanceof ClusterState.Registered registered
        && registered.hosts().keySet().equals(Set.copyOf(names))
        && entries.size() == registered.hosts().size()
        && entries.values().stream().allMatch(entry -> spec.id().equals(entry.clusterId()));
  }

  /** Fires for every step; a step that already ended makes it a no-op, so none is cancelled. */
  @DeadlineHandler(deadlineName = STEP_TIMEOUT)
  void on(StepTimeout timeout) {
    ClusterDecider.decide(
            new TimeOutCampaignStep(clusterId, timeout.stepId(), Instant.now()), state)
        .forEach(event -> apply(event));
  }

  @EventSourcingHandler
  void on(ClusterEvent event) {
    clusterId = event.clusterId();
    state = ClusterDecider.evolve(state, event);
  }

  /** The payload of a step's timeout deadline. */
  public record StepTimeout(String stepId) {}
}
