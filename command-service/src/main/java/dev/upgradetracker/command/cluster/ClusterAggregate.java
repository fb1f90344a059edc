package dev.upgradetracker.command.cluster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RecordActionResult;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.RequestGuestMove;
import dev.upgradetracker.events.cluster.ClusterEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Axon's shell around {@link ClusterDecider}: it only decides, applies and evolves. */
@Aggregate(commandTargetResolver = "clusterCommandTargetResolver")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ClusterAggregate {

  @AggregateIdentifier private String clusterId;
  private ClusterState state = new ClusterState.Unregistered();

  protected ClusterAggregate() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RegisterCluster command) {
    decideAndApply(command);
  }

  @CommandHandler
  void handle(RequestGuestMove command) {
    decideAndApply(command);
  }

  @CommandHandler
  void handle(RecordActionResult command) {
    decideAndApply(command);
  }

  private void decideAndApply(ClusterCommand command) {
    ClusterDecider.decide(command, state).forEach(event -> apply(event));
  }

  @EventSourcingHandler
  void on(ClusterEvent event) {
    clusterId = event.clusterId();
    state = ClusterDecider.evolve(state, event);
  }
}
