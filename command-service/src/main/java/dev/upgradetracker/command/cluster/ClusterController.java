package dev.upgradetracker.command.cluster;

import dev.upgradetracker.command.refusal.InvalidInput;
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
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.UpgradeMode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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

  private final CommandSender sender;

  ClusterController(CommandSender sender) {
    this.sender = sender;
  }

  record Registered(String clusterId) {}

  record Step(String actionId) {}

  record MoveGuestRequest(String toHost, String actionId) {}

  record MovePackageRequest(String toNode, String actionId) {}

  record UpgradeRequest(UpgradeMode mode, String actionId) {}

  record Accepted(String clusterId, String actionId) {}

  @PostMapping
  ResponseEntity<Registered> register(@RequestBody ClusterSpec cluster, HttpServletRequest http) {
    send(new RegisterCluster(cluster), http);
    return ResponseEntity.created(URI.create("/api/clusters/" + cluster.id()))
        .body(new Registered(cluster.id()));
  }

  @PutMapping("/{clusterId}")
  ResponseEntity<Registered> update(
      @PathVariable String clusterId, @RequestBody ClusterSpec cluster, HttpServletRequest http) {
    if (!clusterId.equals(cluster.id())) {
      throw new InvalidInput(
          "id",
          "the body's id " + cluster.id() + " is not the cluster " + clusterId + " of the path");
    }
    send(new UpdateCluster(cluster), http);
    return ResponseEntity.ok(new Registered(clusterId));
  }

  @PostMapping("/{clusterId}/verify-guests-boot")
  ResponseEntity<Accepted> verifyGuestsBoot(
      @PathVariable String clusterId,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    var actionId = actionId(step == null ? null : step.actionId());
    return accepted(new VerifyGuestsBoot(clusterId, actionId), http);
  }

  @PostMapping("/{clusterId}/backup-guests")
  ResponseEntity<Accepted> backUpGuests(
      @PathVariable String clusterId,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new BackUpGuests(clusterId, actionId(step == null ? null : step.actionId())), http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/backup")
  ResponseEntity<Accepted> backUpHost(
      @PathVariable String clusterId,
      @PathVariable String host,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new BackUpHost(clusterId, host, actionId(step == null ? null : step.actionId())), http);
  }

  @PostMapping("/{clusterId}/guests/{guest}/move")
  ResponseEntity<Accepted> moveGuest(
      @PathVariable String clusterId,
      @PathVariable String guest,
      @RequestBody MoveGuestRequest request,
      HttpServletRequest http) {
    return accepted(
        new MoveGuests(clusterId, guest, request.toHost(), null, actionId(request.actionId())),
        http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/move-guests-away")
  ResponseEntity<Accepted> moveGuestsAway(
      @PathVariable String clusterId,
      @PathVariable String host,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new MoveGuests(
            clusterId, null, null, host, actionId(step == null ? null : step.actionId())),
        http);
  }

  @PostMapping("/{clusterId}/packages/{pkg}/move")
  ResponseEntity<Accepted> movePackage(
      @PathVariable String clusterId,
      @PathVariable String pkg,
      @RequestBody MovePackageRequest request,
      HttpServletRequest http) {
    return accepted(
        new MovePackages(clusterId, pkg, request.toNode(), null, actionId(request.actionId())),
        http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/move-packages-away")
  ResponseEntity<Accepted> movePackagesAway(
      @PathVariable String clusterId,
      @PathVariable String host,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new MovePackages(
            clusterId, null, null, host, actionId(step == null ? null : step.actionId())),
        http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/halt-guest-nodes")
  ResponseEntity<Accepted> haltGuestNodes(
      @PathVariable String clusterId,
      @PathVariable String host,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new HaltClusterNodes(clusterId, host, actionId(step == null ? null : step.actionId())),
        http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/run-guest-nodes")
  ResponseEntity<Accepted> runGuestNodes(
      @PathVariable String clusterId,
      @PathVariable String host,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new RunClusterNodes(clusterId, host, actionId(step == null ? null : step.actionId())),
        http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/upgrade")
  ResponseEntity<Accepted> upgrade(
      @PathVariable String clusterId,
      @PathVariable String host,
      @RequestBody UpgradeRequest request,
      HttpServletRequest http) {
    return accepted(
        new UpgradeNode(clusterId, host, request.mode(), actionId(request.actionId())), http);
  }

  @PostMapping("/{clusterId}/hosts/{host}/rejoin")
  ResponseEntity<Accepted> rejoin(
      @PathVariable String clusterId, @PathVariable String host, HttpServletRequest http) {
    send(new RejoinNode(clusterId, host), http);
    return ResponseEntity.accepted().body(new Accepted(clusterId, null));
  }

  @PostMapping("/{clusterId}/hosts/{host}/patches")
  ResponseEntity<Accepted> installPatches(
      @PathVariable String clusterId,
      @PathVariable String host,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new InstallPatches(clusterId, host, actionId(step == null ? null : step.actionId())), http);
  }

  @PostMapping("/{clusterId}/guests/{guest}/kit")
  ResponseEntity<Accepted> installGuestKit(
      @PathVariable String clusterId,
      @PathVariable String guest,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new InstallGuestKit(clusterId, guest, actionId(step == null ? null : step.actionId())),
        http);
  }

  @PostMapping("/{clusterId}/kits")
  ResponseEntity<Accepted> installAllGuestKits(
      @PathVariable String clusterId,
      @RequestBody(required = false) Step step,
      HttpServletRequest http) {
    return accepted(
        new InstallGuestKit(clusterId, null, actionId(step == null ? null : step.actionId())),
        http);
  }

  private ResponseEntity<Accepted> accepted(ClusterCommand command, HttpServletRequest http) {
    send(command, http);
    return ResponseEntity.accepted().body(new Accepted(command.clusterId(), actionIdOf(command)));
  }

  private void send(ClusterCommand command, HttpServletRequest http) {
    sender.send(command, http);
  }

  private static String actionId(String requested) {
    return requested == null || requested.isBlank() ? UUID.randomUUID().toString() : requested;
  }

  private static String actionIdOf(ClusterCommand command) {
    return switch (command) {
      case VerifyGuestsBoot c -> c.actionId();
      case BackUpGuests c -> c.actionId();
      case BackUpHost c -> c.actionId();
      case MoveGuests c -> c.actionId();
      case MovePackages c -> c.actionId();
      case HaltClusterNodes c -> c.actionId();
      case RunClusterNodes c -> c.actionId();
      case UpgradeNode c -> c.actionId();
      case InstallPatches c -> c.actionId();
      case InstallGuestKit c -> c.actionId();
      default -> null;
    };
  }
}
