package dev.upgradetracker.command.host;

import static dev.upgradetracker.command.input.InputChecks.canonicalAddress;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.host.model.HostChange;
import dev.upgradetracker.command.host.model.HostCommandDispatch;
import dev.upgradetracker.command.host.model.HostDecider;
import dev.upgradetracker.command.host.model.HostState;
import dev.upgradetracker.command.input.InputChecks;
import dev.upgradetracker.command.refusal.AdminOnly;
import dev.upgradetracker.events.host.HostCommand.AssignHost;
import dev.upgradetracker.events.host.HostEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Axon's shell around {@link HostDecider}: it reads the ledger under the host's lock, decides, and
 * writes the ledger in the transaction that stores the events.
 */
@Aggregate(commandTargetResolver = "hostCommandTargetResolver")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class HostAggregate {

  @AggregateIdentifier private String id;
  private HostState state = new HostState.Unassigned();

  protected HostAggregate() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  HostChange handle(
      HostCommandDispatch dispatch,
      @MetaDataValue(TraceKeys.ADMIN) Boolean admin,
      HostLedger ledger) {
    if (!Boolean.TRUE.equals(admin)) {
      throw new AdminOnly("assign and release hosts");
    }
    var command = dispatch.command();
    InputChecks.name("host", command.host());
    var address =
        command instanceof AssignHost assign && assign.sshAddress() != null
            ? canonicalAddress(assign.sshAddress())
            : null;
    var events = HostDecider.decide(command, state, ledger.factsFor(command.host(), address));
    for (var event : events) {
      ledger.record(event);
      apply(event);
    }
    return HostDecider.change(events);
  }

  @EventSourcingHandler
  void on(HostEvent event) {
    id = HostCommandDispatch.aggregateId(event.host());
    state = HostDecider.evolve(state, event);
  }
}
