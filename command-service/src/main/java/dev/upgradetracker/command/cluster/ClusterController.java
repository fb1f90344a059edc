package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.RequestGuestMove;
import dev.upgradetracker.events.fleet.ClusterSpec;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cluster commands over HTTP. */
@RestController
@RequestMapping("/api/clusters")
class ClusterController {

  private final CommandGateway commands;

  ClusterController(CommandGateway commands) {
    this.commands = commands;
  }

  record Registered(String clusterId) {}

  record MoveRequest(String toHost, String actionId) {}

  record MoveAccepted(String clusterId, String actionId) {}

  @PostMapping
  ResponseEntity<Registered> register(
      @RequestBody ClusterSpec cluster, @RequestHeader HttpHeaders headers) {
    send(new RegisterCluster(cluster), headers);
    return ResponseEntity.created(URI.create("/api/clusters/" + cluster.id()))
        .body(new Registered(cluster.id()));
  }

  @PostMapping("/{clusterId}/guests/{guest}/move")
  ResponseEntity<MoveAccepted> moveGuest(
      @PathVariable String clusterId,
      @PathVariable String guest,
      @RequestBody MoveRequest request,
      @RequestHeader HttpHeaders headers) {
    var actionId = request.actionId() != null ? request.actionId() : UUID.randomUUID().toString();
    send(new RequestGuestMove(clusterId, guest, request.toHost(), actionId), headers);
    return ResponseEntity.accepted().body(new MoveAccepted(clusterId, actionId));
  }

  private void send(ClusterCommand command, HttpHeaders headers) {
    var metadata = metadata(headers);
    try (var cluster = MDC.putCloseable("clusterId", command.clusterId());
        var correlation = MDC.putCloseable("correlationId", metadata.get(TraceKeys.CORRELATION_ID).toString())) {
      commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }
  }

  private static Map<String, Object> metadata(HttpHeaders headers) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(TraceKeys.USER, valueOr(headers, "X-User", "anonymous"));
    metadata.put(TraceKeys.CORRELATION_ID, valueOr(headers, "X-Correlation-Id", UUID.randomUUID().toString()));
    var team = headers.getFirst("X-Team");
    if (team != null) {
      metadata.put(TraceKeys.TEAM, team);
    }
    return metadata;
  }

  private static String valueOr(HttpHeaders headers, String name, String fallback) {
    var value = headers.getFirst(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
