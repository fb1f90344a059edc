package dev.upgradetracker.events.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.util.List;

/** What the executor is asked to do on one host. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HostAction.VerifyGuestsBoot.class, name = "VerifyGuestsBoot"),
  @JsonSubTypes.Type(value = HostAction.BackUpHost.class, name = "BackUpHost"),
  @JsonSubTypes.Type(value = HostAction.BackUpGuests.class, name = "BackUpGuests"),
  @JsonSubTypes.Type(value = HostAction.MoveGuest.class, name = "MoveGuest"),
  @JsonSubTypes.Type(value = HostAction.MovePackage.class, name = "MovePackage"),
  @JsonSubTypes.Type(value = HostAction.HaltClusterNodes.class, name = "HaltClusterNodes"),
  @JsonSubTypes.Type(value = HostAction.RunClusterNodes.class, name = "RunClusterNodes"),
  @JsonSubTypes.Type(value = HostAction.UpdateNode.class, name = "UpdateNode"),
  @JsonSubTypes.Type(value = HostAction.InstallPatches.class, name = "InstallPatches"),
  @JsonSubTypes.Type(value = HostAction.InstallGuestKit.class, name = "InstallGuestKit")
})
public sealed interface HostAction {

  /** Start each guest and stop it again ({@code hpvmstart}, {@code hpvmstop}). */
  record VerifyGuestsBoot(List<String> guests) implements HostAction {}

  /** The site's backup of the host itself. */
  record BackUpHost() implements HostAction {}

  /** The site's backup of the guests on the host. */
  record BackUpGuests(List<String> guests) implements HostAction {}

  /** Guests as packages: halt the guest's package and run it on another node. */
  record MoveGuest(String guest, String fromHost, String toHost) implements HostAction {}

  /** Guests as nodes: move an application package to another guest node. */
  record MovePackage(String packageName, String fromNode, String toNode) implements HostAction {}

  /** Guests as nodes: {@code cmhaltnode} each guest node on the host, then stop the guests. */
  record HaltClusterNodes(List<String> guests) implements HostAction {}

  /** Guests as nodes: start the guests and {@code cmrunnode} each. */
  record RunClusterNodes(List<String> guests) implements HostAction {}

  /** Update or cold-migrate the host to HP-UX 11i v3 and Integrity VM 4.0. */
  record UpdateNode(UpgradeMode mode, boolean includeServiceguard) implements HostAction {}

  record InstallPatches() implements HostAction {}

  /** Install the Integrity VM 4.0 guest kit inside the guest (it reboots). */
  record InstallGuestKit(String guest) implements HostAction {}
}
