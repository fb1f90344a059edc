package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.refusal.ConcurrentChange;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.web.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends a cluster command on behalf of the HTTP caller: acting team, user and correlation attached.
 */
@Component
class CommandSender {

  private final CommandGateway commands;
  private final EventStore events;

  CommandSender(CommandGateway commands, EventStore events) {
    this.commands = commands;
    this.events = events;
  }

  void send(ClusterCommand command, HttpServletRequest http) {
    var metadata = metadata(http);
    try (var cluster = MDC.putCloseable("clusterId", command.clusterId());
        var correlation =
            MDC.putCloseable("correlationId", metadata.get(TraceKeys.CORRELATION_ID).toString())) {
      try {
        commands.sendAndWait(
            GenericCommandMessage.asCommandMessage(new ClusterCommandDispatch(command))
                .andMetaData(metadata));
      } catch (ConcurrencyException e) {
        throw new ConcurrentChange(
            command.clusterId(), events.lastSequenceNumberFor(command.clusterId()).orElse(-1L));
      }
    }
  }

  private static Map<String, Object> metadata(HttpServletRequest http) {
    var caller = Callers.of(http);
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(TraceKeys.TEAM, caller.name());
    metadata.put(TraceKeys.USER, valueOr(http.getHeader("X-User"), caller.name()));
    metadata.put(
        TraceKeys.CORRELATION_ID,
        valueOr(http.getHeader("X-Correlation-Id"), UUID.randomUUID().toString()));
    return metadata;
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
