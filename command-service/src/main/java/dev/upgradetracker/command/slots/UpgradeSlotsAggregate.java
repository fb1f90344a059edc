package dev.upgradetracker.command.slots;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upgradetracker.command.slots.model.SlotBudget;
import dev.upgradetracker.command.slots.model.UpgradeSlotDispatch;
import dev.upgradetracker.command.slots.model.UpgradeSlots;
import dev.upgradetracker.events.slots.UpgradeSlotEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/** Axon's shell around {@link SlotBudget}: the fleet's node-upgrade slots. */
@Aggregate(
    commandTargetResolver = "upgradeSlotsCommandTargetResolver",
    snapshotTriggerDefinition = "clusterSnapshots")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UpgradeSlotsAggregate {

  @AggregateIdentifier private String id;
  private UpgradeSlots slots = UpgradeSlots.NONE;

  protected UpgradeSlotsAggregate() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(UpgradeSlotDispatch dispatch) {
    SlotBudget.decide(dispatch.command(), slots).forEach(event -> apply(event));
  }

  @EventSourcingHandler
  void on(UpgradeSlotEvent event) {
    id = UpgradeSlotDispatch.AGGREGATE_ID;
    slots = SlotBudget.evolve(slots, event);
  }
}
