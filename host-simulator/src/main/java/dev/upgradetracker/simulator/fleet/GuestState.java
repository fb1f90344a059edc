package dev.upgradetracker.simulator.fleet;

import java.util.List;

/**
 * One simulated guest. {@code node}: the VM host it runs on (empty while its package is halted, in
 * GUESTS_AS_PACKAGES clusters); {@code running}: the virtual machine is on; {@code autorun}: the
 * guest package's switching; {@code member}: a Serviceguard node (GUESTS_AS_NODES clusters); {@code
 * failoverNodes}: the nodes its package may run on (null: any node of its cluster).
 */
public record GuestState(
    String cluster,
    String name,
    String node,
    boolean running,
    boolean autorun,
    String kitVersion,
    boolean member,
    boolean backedUp,
    List<String> failoverNodes) {

  /** {@code cmhaltpkg}, as in Serviceguard, also disables the package's switching. */
  public GuestState haltedPackage() {
    return new GuestState(
        cluster, name, "", false, false, kitVersion, member, backedUp, failoverNodes);
  }

  public GuestState runningOn(String newNode) {
    return new GuestState(
        cluster, name, newNode, true, autorun, kitVersion, member, backedUp, failoverNodes);
  }

  public GuestState withAutorun(boolean enabled) {
    return new GuestState(
        cluster, name, node, running, enabled, kitVersion, member, backedUp, failoverNodes);
  }

  public GuestState withRunning(boolean on) {
    return new GuestState(
        cluster, name, node, on, autorun, kitVersion, on && member, backedUp, failoverNodes);
  }

  public GuestState withMembership(boolean isMember) {
    return new GuestState(
        cluster, name, node, running, autorun, kitVersion, isMember, backedUp, failoverNodes);
  }

  public GuestState withKit(String version) {
    return new GuestState(
        cluster, name, node, running, autorun, version, member, backedUp, failoverNodes);
  }

  /** Serviceguard starts a package only on a node of its {@code node_name} list. */
  public boolean mayRunOn(String node) {
    return failoverNodes == null || failoverNodes.contains(node);
  }

  public GuestState markBackedUp() {
    return new GuestState(
        cluster, name, node, running, autorun, kitVersion, member, true, failoverNodes);
  }
}
