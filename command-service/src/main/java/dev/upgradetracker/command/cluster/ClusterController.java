package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.axon.CommandSender;
import dev.upgradetracker.command.cluster.model.ClusterSpecValidation;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.cluster.ClusterCommand;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.BackUpHost;
import dev.upgradetracker.events.cluster.ClusterCommand.HaltClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallGuestKit;
import dev.upgradetracker.events.cluster.ClusterCommand.InstallPatches;
import dev.upgradetracker.events.cluster.ClusterCommand.MoveGuests;
import dev.upgradetracker.events.cluster.ClusterCommand.MovePackages;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.RejoinNode;
import dev.upgradetracker.events.cluster.ClusterCommand.RunClusterNodes;
import dev.upgradetracker.events.cluster.ClusterCommand.UpdateCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.UpgradeNode;
import dev.upgradetracker.events.cluster.ClusterCommand.VerifyGuestsBoot;
import dev.upgradetracker.events.fleet.Bounds;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.InventoryWarning;
import dev.upgradetracker.events.fleet.UpgradeMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every step of the procedure as an HTTP command. Step requests may carry an {@code actionId}; a
 * repeated request with the same one changes nothing.
 */
@RestController
@RequestMapping("/api/clusters")
class ClusterController {

  /** Steps on the whole cluster: {@code POST /api/clusters/{clusterId}/{step}}. */
  private static final Map<String, ClusterStep> CLUSTER_STEPS =
      Map.of(
          "verify-guests-boot", VerifyGuestsBoot::new,
          "backup-guests", BackUpGuests::new,
          "kits", (clusterId, actionId) -> new InstallGuestKit(clusterId, null, actionId));

  /** Steps on one host: {@code POST /api/clusters/{clusterId}/hosts/{host}/{step}}. */
  private static final Map<String, HostStep> HOST_STEPS =
      Map.of(
          "backup", BackUpHost::new,
          "move-guests-away",
              (clusterId, host, actionId) -> new MoveGuests(clusterId, null, null, host, actionId),
          "move-packages-away",
              (clusterId, host, actionId) ->
                  new MovePackages(clusterId, null, null, host, actionId),
          "halt-guest-nodes", HaltClusterNodes::new,
          "run-guest-nodes", RunClusterNodes::new,
          "patches", InstallPatches::new);

  private final CommandSender sender;

  ClusterController(CommandSender sender) {
    this.sender = sender;
  }

  interface ClusterStep {
    ClusterCommand command(String clusterId, String actionId);
  }

  interface HostStep {
    ClusterCommand command(String clusterId, String host, String actionId);
  }

  /**
   * {@code position}: pass it to a view request to read this write (read-your-writes); {@code
   * warnings}: what in the inventory the procedure never produces.
   */
  record Registered(String clusterId, long position, List<InventoryWarning> warnings) {

    Registered(ClusterSpec cluster, long position) {
      this(cluster.id(), position, ClusterSpecValidation.warnings(cluster));
    }
  }

  record Step(
      @Pattern(regexp = Bounds.ACTION_ID, message = Bounds.ACTION_ID_FORM) String actionId) {}

  record MoveGuestRequest(
      @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String toHost,
      @Pattern(regexp = Bounds.ACTION_ID, message = Bounds.ACTION_ID_FORM) String actionId) {}

  record MovePackageRequest(
      @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String toNode,
      @Pattern(regexp = Bounds.ACTION_ID, message = Bounds.ACTION_ID_FORM) String actionId) {}

  record UpgradeRequest(
      @NotNull UpgradeMode mode,
      @Pattern(regexp = Bounds.ACTION_ID, message = Bounds.ACTION_ID_FORM) String actionId) {}

  /** {@code position}: pass it to a view request to read this write (read-your-writes). */
  record Accepted(String clusterId, String actionId, long position) {}

  @PostMapping
  ResponseEntity<Registered> register(
      @Valid @RequestBody ClusterSpec cluster, HttpServletRequest http) {
    var position = sender.send(new RegisterCluster(cluster), http);
    return ResponseEntity.created(URI.create("/api/clusters/" + cluster.id()))
        .eTag(String.valueOf(position))
        .body(new Registered(cluster, position));
  }

  @PutMapping("/{clusterId}")
  ResponseEntity<Registered> update(
      @PathVariable String clusterId,
      @Valid @RequestBody ClusterSpec cluster,
      HttpServletRequest http) {
    if (!clusterId.equals(cluster.id())) {
      throw new InvalidInput(
          "id",
          "the body's id " + cluster.id() + " is not the cluster " + clusterId + " of the path");
    }
    var position = sender.send(new UpdateCluster(cluster), http);
    return ResponseEntity.ok()
        .eTag(String.valueOf(position))
        .body(new Registered(cluster, position));
  }

  @PostMapping("/{clusterId}/{step}")
  ResponseEntity<Accepted> clusterStep(
      @PathVariable String clusterId,
      @PathVariable String step,
      @Valid @RequestBody(required = false) Step body,
      HttpServletRequest http) {
    var command = CLUSTER_STEPS.get(step);
    if (command == null) {
      throw new NotFound("step", step);
    }
    var actionId = actionId(body == null ? null : body.actionId());
    return accepted(command.command(clusterId, actionId), actionId, http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/{step}")
  ResponseEntity<Accepted> hostStep(
      @PathVariable String clusterId,
      @PathVariable String host,
      @PathVariable String step,
      @Valid @RequestBody(required = false) Step body,
      HttpServletRequest http) {
    var command = HOST_STEPS.get(step);
    if (command == null) {
      throw new NotFound("step", step);
    }
    var actionId = actionId(body == null ? null : body.actionId());
    return accepted(command.command(clusterId, host, actionId), actionId, http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/upgrade")
  ResponseEntity<Accepted> upgrade(
      @PathVariable String clusterId,
      @PathVariable String host,
      @Valid @RequestBody UpgradeRequest request,
      HttpServletRequest http) {
    var actionId = actionId(request.actionId());
    return accepted(new UpgradeNode(clusterId, host, request.mode(), actionId), actionId, http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/rejoin")
  ResponseEntity<Accepted> rejoin(
      @PathVariable String clusterId, @PathVariable String host, HttpServletRequest http) {
    return accepted(new RejoinNode(clusterId, host), null, http);
  }

  @PostMapping("/{clusterId}/guests/{guest}/move")
  ResponseEntity<Accepted> moveGuest(
      @PathVariable String clusterId,
      @PathVariable String guest,
      @Valid @RequestBody MoveGuestRequest request,
      HttpServletRequest http) {
    var actionId = actionId(request.actionId());
    return accepted(
        new MoveGuests(clusterId, guest, request.toHost(), null, actionId), actionId, http);
  }

  @PostMapping("/{clusterId}/guests/{guest}/kit")
  ResponseEntity<Accepted> installGuestKit(
      @PathVariable String clusterId,
      @PathVariable String guest,
      @Valid @RequestBody(required = false) Step body,
      HttpServletRequest http) {
    var actionId = actionId(body == null ? null : body.actionId());
    return accepted(new InstallGuestKit(clusterId, guest, actionId), actionId, http);
  }

  @PostMapping("/{clusterId}/packages/{pkg}/move")
  ResponseEntity<Accepted> movePackage(
      @PathVariable String clusterId,
      @PathVariable String pkg,
      @Valid @RequestBody MovePackageRequest request,
      HttpServletRequest http) {
    var actionId = actionId(request.actionId());
    return accepted(
        new MovePackages(clusterId, pkg, request.toNode(), null, actionId), actionId, http);
  }

  private ResponseEntity<Accepted> accepted(
      ClusterCommand command, String actionId, HttpServletRequest http) {
    var position = sender.send(command, http);
    return ResponseEntity.accepted()
        .eTag(String.valueOf(position))
        .body(new Accepted(command.clusterId(), actionId, position));
  }

  private static String actionId(String requested) {
    return requested == null || requested.isBlank() ? UUID.randomUUID().toString() : requested;
  }
}
