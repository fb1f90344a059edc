package dev.upgradetracker.command.axon;

import dev.upgradetracker.command.campaign.model.CampaignCommandDispatch;
import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.host.model.HostChange;
import dev.upgradetracker.command.host.model.HostCommandDispatch;
import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.ConcurrentChange;
import dev.upgradetracker.command.slots.model.UpgradeSlotDispatch;
import dev.upgradetracker.events.campaign.CampaignCommand;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.host.HostCommand;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ReleaseUpgradeSlot;
import dev.upgradetracker.web.Callers;
import dev.upgradetracker.web.identity.Role;
import dev.upgradetracker.web.tracing.TraceParents;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of the HTTP caller: the acting team and user of its proven identity (a
 * self-declared {@code X-User} is not an identity and is ignored), and the correlation id.
 */
@Component
public class CommandSender {

  private final CommandGateway commands;
  private final EventStore events;
  private final TraceParents traces;

  CommandSender(CommandGateway commands, EventStore events, TraceParents traces) {
    this.traces = traces;
    this.commands = commands;
    this.events = events;
  }

  /**
   * Returns the cluster's position once the command was handled: the sequence of its last event,
   * the command's own included. A view request carrying it answers only once the view has folded
   * that far (read-your-writes).
   */
  public long send(ClusterCommand command, HttpServletRequest http) {
    if (command instanceof RegisterCluster) {
      requireNoOtherKindOfAggregate(command.clusterId(), "ClusterAggregate");
    }
    return send(new ClusterCommandDispatch(command), "clusterId", command.clusterId(), http);
  }

  public long send(CampaignCommand command, HttpServletRequest http) {
    if (command instanceof StartCampaign) {
      requireNoOtherKindOfAggregate(command.campaignId(), "CampaignAggregate");
    }
    return send(new CampaignCommandDispatch(command), "campaignId", command.campaignId(), http);
  }

  /**
   * Clusters and campaigns share one id space in the event store: a new one may not take the id of
   * an aggregate of the other kind.
   */
  private void requireNoOtherKindOfAggregate(String id, String aggregateType) {
    var stored = events.readEvents(id);
    if (stored.hasNext() && !aggregateType.equals(stored.peek().getType())) {
      throw new AlreadyExists(
          switch (stored.peek().getType()) {
            case "ClusterAggregate" -> "cluster";
            case "CampaignAggregate" -> "campaign";
            default -> stored.peek().getType();
          },
          id);
    }
  }

  /** An operator lets a node's upgrade slot go, on behalf of the HTTP caller. */
  public void send(ReleaseUpgradeSlot release, HttpServletRequest http) {
    handle(new UpgradeSlotDispatch(release), "host", release.host(), metadata(http));
  }

  /** What the host's assignment became, sent on behalf of the HTTP caller. */
  public HostChange send(HostCommand command, HttpServletRequest http) {
    var dispatch = new HostCommandDispatch(command);
    return handle(dispatch, "host", dispatch.aggregateId(), metadata(http));
  }

  /**
   * What the host's assignment became, sent by the system itself as an admin: {@code user} names
   * the task that acted.
   */
  public HostChange sendAsSystem(HostCommand command, String user) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(TraceKeys.TEAM, "");
    metadata.put(TraceKeys.USER, user);
    metadata.put(TraceKeys.ADMIN, true);
    metadata.put(TraceKeys.CORRELATION_ID, UUID.randomUUID().toString());
    var dispatch = new HostCommandDispatch(command);
    return handle(dispatch, "host", dispatch.aggregateId(), metadata);
  }

  private long send(Object dispatch, String idKey, String id, HttpServletRequest http) {
    var metadata = metadata(http);
    var expected = ExpectedVersion.of(http.getHeader(HttpHeaders.IF_MATCH));
    expected.ifPresent(version -> metadata.put(TraceKeys.EXPECTED_VERSION, version));
    // the cluster and campaign handlers answer their aggregate's version after the command
    Long position = handle(dispatch, idKey, id, metadata);
    return position;
  }

  /** The handler's answer; a lost race is a {@link ConcurrentChange}. */
  @SuppressWarnings("try") // its resources are log-context entries, removed when closed
  private <R> R handle(Object dispatch, String idKey, String id, Map<String, Object> metadata) {
    try (var subject = MDC.putCloseable(idKey, id);
        var correlation =
            MDC.putCloseable("correlationId", metadata.get(TraceKeys.CORRELATION_ID).toString())) {
      return commands.sendAndWait(CommandMessages.of(dispatch, metadata));
    } catch (ConcurrencyException e) {
      throw new ConcurrentChange(id, currentVersion(id));
    }
  }

  private long currentVersion(String id) {
    return events.lastSequenceNumberFor(id).orElse(-1L);
  }

  private Map<String, Object> metadata(HttpServletRequest http) {
    var caller = Callers.current();
    Map<String, Object> metadata = new HashMap<>();
    traces.current().ifPresent(trace -> metadata.put(TraceKeys.TRACE_PARENT, trace));
    metadata.put(TraceKeys.TEAM, caller.team());
    metadata.put(TraceKeys.USER, caller.user());
    if (caller.has(Role.ADMIN)) {
      metadata.put(TraceKeys.ADMIN, true);
    }
    metadata.put(
        TraceKeys.CORRELATION_ID,
        valueOr(http.getHeader("X-Correlation-Id"), UUID.randomUUID().toString()));
    return metadata;
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
