package dev.upgradetracker.command.cluster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.events.cluster.ClusterEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Axon's shell around {@link ClusterDecider}: it only checks the owner, decides, applies, evolves.
 */
@Aggregate(
    commandTargetResolver = "clusterCommandTargetResolver",
    snapshotTriggerDefinition = "clusterSnapshots")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ClusterAggregate {

  @AggregateIdentifier private String clusterId;
  private ClusterState state = new ClusterState.Unregistered();

  protected ClusterAggregate() {}

  /** Creation happens only through RegisterCluster; for anything else the decider answers 404. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ClusterCommandDispatch dispatch, @MetaDataValue(TraceKeys.TEAM) String actingTeam) {
    ClusterDecider.checkOwner(dispatch.command(), state, actingTeam);
    ClusterDecider.decide(dispatch.command(), state).forEach(event -> apply(event));
  }

  @EventSourcingHandler
  void on(ClusterEvent event) {
    clusterId = event.clusterId();
    state = ClusterDecider.evolve(state, event);
  }
}
