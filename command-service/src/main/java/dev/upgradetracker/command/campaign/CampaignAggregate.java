package dev.upgradetracker.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.upgradetracker.command.axon.AggregateVersions;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.campaign.model.CampaignCommandDispatch;
import dev.upgradetracker.command.campaign.model.CampaignDecider;
import dev.upgradetracker.command.campaign.model.CampaignState;
import dev.upgradetracker.command.refusal.FourEyes;
import dev.upgradetracker.command.refusal.VersionMismatch;
import dev.upgradetracker.events.campaign.CampaignCommand.ApproveNodeUpgrade;
import dev.upgradetracker.events.campaign.CampaignCommand.OpenWindow;
import dev.upgradetracker.events.campaign.CampaignEvent;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterWaitingForWindow;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Axon's shell around {@link CampaignDecider}: four eyes on approvals (the starter, known from the
 * metadata of the campaign's first event, approves nothing), decide (owner check R8 included),
 * apply; and a deadline in the database for the opening of the maintenance window, so that waiting
 * clusters go on even after a restart.
 */
@Aggregate(
    commandTargetResolver = "campaignCommandTargetResolver",
    snapshotTriggerDefinition = "clusterSnapshots")
// The shape of CampaignState in snapshots: a snapshot of another shape is ignored and the campaign
// loads from its events, so raise this whenever CampaignState's fields change.
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CampaignAggregate {

  static final String WINDOW_OPENS = "maintenance-window-opens";

  @AggregateIdentifier private String campaignId;
  private CampaignState state = new CampaignState.NotStarted();
  private String startedBy;

  protected CampaignAggregate() {}

  /** Answers the campaign's version after the command: its position, without reading it back. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  long handle(
      CampaignCommandDispatch dispatch,
      @MetaDataValue(TraceKeys.TEAM) String actingTeam,
      @MetaDataValue(TraceKeys.USER) String actingUser,
      @MetaDataValue(TraceKeys.EXPECTED_VERSION) Long expectedVersion,
      ApprovalSettings approvals,
      DeadlineManager deadlines) {
    VersionMismatch.unlessAt(
        dispatch.command().campaignId(), expectedVersion, AggregateLifecycle.getVersion());
    if (dispatch.command() instanceof ApproveNodeUpgrade
        && approvals.fourEyes()
        && actingUser != null
        && actingUser.equals(startedBy)) {
      throw new FourEyes(dispatch.command().campaignId(), actingUser);
    }
    applyAll(CampaignDecider.decide(dispatch.command(), state, actingTeam), deadlines);
    return AggregateVersions.current();
  }

  /** {@code at}: when the deadline fired, the clock of the decision (a test's, in time travel). */
  @DeadlineHandler(deadlineName = WINDOW_OPENS)
  void on(WindowOpens opening, @Timestamp Instant at, DeadlineManager deadlines) {
    applyAll(CampaignDecider.decide(new OpenWindow(campaignId, at), state), deadlines);
  }

  @EventSourcingHandler
  void on(CampaignEvent event, @MetaDataValue(TraceKeys.USER) String user) {
    campaignId = event.campaignId();
    state = CampaignDecider.evolve(state, event);
    if (event instanceof CampaignStarted) {
      startedBy = user;
    }
  }

  private void applyAll(List<CampaignEvent> events, DeadlineManager deadlines) {
    Instant windowOpens = null;
    for (var event : events) {
      apply(event);
      if (event instanceof ClusterWaitingForWindow waiting) {
        windowOpens = waiting.opensAt();
      }
    }
    if (windowOpens != null) {
      deadlines.cancelAllWithinScope(WINDOW_OPENS);
      deadlines.schedule(windowOpens, WINDOW_OPENS, new WindowOpens());
    }
  }

  /** The payload of the maintenance window's opening deadline. */
  public record WindowOpens() {}
}
